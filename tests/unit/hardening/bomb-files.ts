// Decompression bombs built in memory, cheaply: a raw DEFLATE stream written by hand (fixed Huffman codes:
// the literal bytes of a prefix, then runs of length 258 at distance 1, 13 bits per 258 zero bytes) and a
// ZIP around such members whose central directory may state the true size or lie about it.
import { crc32 } from '../../../electron/engine/formats/zip'

class BitWriter {
  private bytes: number[] = []
  private acc = 0
  private n = 0
  /** `count` bits of `value`, least significant first (DEFLATE's header fields and extra bits) */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push((value >>> i) & 1)
  }
  /** a Huffman code of `count` bits, most significant first */
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.push((value >>> i) & 1)
  }
  private push(bit: number): void {
    this.acc |= bit << this.n
    if (++this.n === 8) {
      this.bytes.push(this.acc)
      this.acc = 0
      this.n = 0
    }
  }
  done(): Uint8Array {
    if (this.n > 0) this.bytes.push(this.acc)
    return Uint8Array.from(this.bytes)
  }
}

function literal(w: BitWriter, v: number): void {
  if (v < 144) w.code(0x30 + v, 8)
  else w.code(0x190 + v - 144, 9)
}

/** Raw DEFLATE of `prefix` followed by `zeros` zero bytes (zeros = 0 or at least 1). */
export function deflateZeros(prefix: Uint8Array, zeros: number): Uint8Array {
  const w = new BitWriter()
  w.bits(1, 1) // final block
  w.bits(1, 2) // fixed Huffman codes
  for (const b of prefix) literal(w, b)
  if (zeros > 0) {
    literal(w, 0)
    let left = zeros - 1
    while (left >= 258) {
      w.code(0xc5, 8) // length code 285: 258 bytes
      w.code(0, 5) // distance code 0: distance 1
      left -= 258
    }
    for (; left > 0; left--) literal(w, 0)
  }
  w.code(0, 7) // end of block
  return w.done()
}

export interface BombMember {
  name: string
  /** the raw DEFLATE stream */
  packed: Uint8Array
  /** the uncompressed size written in the headers (the truth, or a lie) */
  size: number
  crc?: number
}

/** A ZIP (no Zip64) of deflated members. */
export function zipOf(members: BombMember[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const m of members) {
    const name = Buffer.from(m.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(m.crc ?? 0, 14)
    local.writeUInt32LE(m.packed.length, 18)
    local.writeUInt32LE(m.size, 22)
    local.writeUInt16LE(name.length, 26)
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(8, 10)
    c.writeUInt32LE(m.crc ?? 0, 16)
    c.writeUInt32LE(m.packed.length, 20)
    c.writeUInt32LE(m.size, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(offset, 42)
    parts.push(local, name, Buffer.from(m.packed))
    central.push(c, name)
    offset += 30 + name.length + m.packed.length
  }
  const dir = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(members.length, 8)
  end.writeUInt16LE(members.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, dir, end])
}

/** A small member whose data is given in full (CRC and size true). */
export function honest(name: string, data: Uint8Array): BombMember {
  return { name, packed: deflateZeros(data, 0), size: data.length, crc: crc32(data) }
}
