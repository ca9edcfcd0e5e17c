// shared/wire.ts: round trips of requests, events and responses; the binary frame's exact layout;
// typed arrays bit-exact (NaN, -0, Infinity) from aligned and unaligned buffers; malformed frames refused.
import { describe, expect, it } from 'vitest'
import { decodeMessage, decodeRequest, encodeEvent, encodeRequest, encodeResponse } from '../../../shared/wire'
import type { Result } from '../../../shared/contract'
import { message } from '../../../shared/messages'

const traj = (): Result<unknown> => ({
  ok: true,
  value: {
    shape: [2, 2, 1],
    depths: [0, 0.5],
    data: new Float32Array([1.5, NaN, -0, Infinity]),
    labels: new Int32Array([-7, 2147483647])
  }
})

describe('requests', () => {
  it('round-trip', () => {
    const text = encodeRequest(42, 'runs.get', { id: 'abc' })
    expect(decodeRequest(text)).toEqual({ ok: true, value: { id: 42, method: 'runs.get', request: { id: 'abc' } } })
  })

  it('refuse broken envelopes, keeping the id when there is one', () => {
    expect(decodeRequest('nope')).toMatchObject({ ok: false, id: null, error: { code: 'invalid-request' } })
    expect(decodeRequest('"str"')).toMatchObject({ ok: false, id: null })
    expect(decodeRequest('{"id":1.5,"method":"a"}')).toMatchObject({ ok: false, id: null })
    expect(decodeRequest(`{"id":"${'x'.repeat(200)}","method":"a"}`)).toMatchObject({ ok: false, id: null })
    expect(decodeRequest('{"id":3,"method":7}')).toMatchObject({ ok: false, id: 3 })
    expect(decodeRequest('{"id":"k","method":"a","request":{},"more":1}')).toMatchObject({ ok: false, id: 'k' })
  })
})

describe('responses and events', () => {
  it('plain results are JSON text and round-trip', () => {
    const r: Result<unknown> = { ok: false, error: { code: 'not-found', message: message('runs.noRun', { id: 'x' }) } }
    const frame = encodeResponse(7, r)
    expect(typeof frame).toBe('string')
    expect(decodeMessage(frame)).toEqual({ kind: 'response', id: 7, result: r })
    expect(decodeMessage(encodeResponse(null, { ok: true, value: [1, [2, 3], { a: null }] }))).toEqual({
      kind: 'response',
      id: null,
      result: { ok: true, value: [1, [2, 3], { a: null }] }
    })
  })

  it('events round-trip as text', () => {
    const e = { jobId: 'j', type: 'progress' as const, fraction: 0.5, depth: 0.2 }
    const text = encodeEvent(e)
    expect(JSON.parse(text)).toEqual({ event: e })
    expect(decodeMessage(text)).toEqual({ kind: 'event', event: e })
  })

  it('typed arrays go as one binary frame with the documented layout', () => {
    const frame = encodeResponse('req-1', traj())
    expect(frame).toBeInstanceOf(Uint8Array)
    const bytes = frame as Uint8Array
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const headerLength = view.getUint32(0, true)
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)))
    expect(header.id).toBe('req-1')
    expect(header.result.value.data).toBeNull()
    expect(header.arrays).toEqual([
      { path: ['value', 'data'], type: 'float32', byteOffset: 0, length: 4 },
      { path: ['value', 'labels'], type: 'int32', byteOffset: 16, length: 2 }
    ])
    const body = Math.ceil((4 + headerLength) / 4) * 4
    expect(bytes.byteLength).toBe(body + 24)
    for (let i = body - 1; i >= 4 + headerLength; i--) expect(bytes[i]).toBe(0) // padding
    expect(view.getFloat32(body, true)).toBe(1.5)
    expect(view.getInt32(body + 16, true)).toBe(-7)
    expect(view.getInt32(body + 20, true)).toBe(2147483647)
  })

  it('binary frames round-trip bit-exactly from ArrayBuffer and from unaligned Uint8Array views', () => {
    const bytes = encodeResponse(9, traj()) as Uint8Array
    const fromBuffer = decodeMessage(bytes.slice().buffer)
    // a Node Buffer from a socket may start at any offset in its pool
    const pool = new Uint8Array(bytes.byteLength + 3)
    pool.set(bytes, 1)
    const fromView = decodeMessage(pool.subarray(1, 1 + bytes.byteLength))
    for (const m of [fromBuffer, fromView]) {
      expect(m.kind).toBe('response')
      const v = (m as { result: { value: { data: Float32Array; labels: Int32Array; shape: number[] } } }).result.value
      expect(v.shape).toEqual([2, 2, 1])
      expect(v.data).toBeInstanceOf(Float32Array)
      expect(v.data[0]).toBe(1.5)
      expect(Number.isNaN(v.data[1])).toBe(true)
      expect(Object.is(v.data[2], -0)).toBe(true)
      expect(v.data[3]).toBe(Infinity)
      expect([...v.labels]).toEqual([-7, 2147483647])
    }
  })

  it('handles arrays nested in lists, empty arrays and a misaligned tail', () => {
    const r: Result<unknown> = { ok: true, value: { items: [{ a: new Int32Array([]) }, { a: new Float32Array([3]) }], tail: 'é' } }
    const m = decodeMessage(encodeResponse(1, r))
    const v = (m as { result: { value: { items: { a: ArrayLike<number> }[]; tail: string } } }).result.value
    expect(v.items[0].a).toBeInstanceOf(Int32Array)
    expect(v.items[0].a.length).toBe(0)
    expect([...(v.items[1].a as Float32Array)]).toEqual([3])
    expect(v.tail).toBe('é')
  })

  it('carries Uint8Array (run archives) as bytes: odd lengths, alignment of the arrays after it, Buffer too', () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 7])
    const r: Result<unknown> = { ok: true, value: { fileName: 'a.zip', data: zip, after: new Float32Array([2.5, -1]), buf: Buffer.from([9, 8, 7]) } }
    const frame = encodeResponse(3, r) as Uint8Array
    expect(frame).toBeInstanceOf(Uint8Array)
    const headerLength = new DataView(frame.buffer, frame.byteOffset).getUint32(0, true)
    const header = JSON.parse(new TextDecoder().decode(frame.subarray(4, 4 + headerLength))) as { arrays: unknown[] }
    expect(header.arrays).toEqual([
      { path: ['value', 'data'], type: 'uint8', byteOffset: 0, length: 7 },
      { path: ['value', 'after'], type: 'float32', byteOffset: 8, length: 2 },
      { path: ['value', 'buf'], type: 'uint8', byteOffset: 16, length: 3 }
    ])
    // through an ArrayBuffer, as the browser's WebSocket delivers it
    const copy = frame.slice().buffer
    const m = decodeMessage(copy) as { result: { value: { fileName: string; data: Uint8Array; after: Float32Array; buf: Uint8Array } } }
    expect(m.result.value.fileName).toBe('a.zip')
    expect(m.result.value.data).toBeInstanceOf(Uint8Array)
    expect([...m.result.value.data]).toEqual([0x50, 0x4b, 3, 4, 0, 255, 7])
    expect([...m.result.value.after]).toEqual([2.5, -1])
    expect([...m.result.value.buf]).toEqual([9, 8, 7])
  })

  it('refuses typed arrays it cannot describe', () => {
    expect(() => encodeResponse(1, { ok: true, value: { x: new Float64Array(2) } })).toThrow(/Float64Array/)
  })
})

describe('malformed frames', () => {
  const frameWith = (header: unknown, body = new Uint8Array(8)): Uint8Array => {
    const h = new TextEncoder().encode(JSON.stringify(header))
    const start = Math.ceil((4 + h.length) / 4) * 4
    const out = new Uint8Array(start + body.length)
    new DataView(out.buffer).setUint32(0, h.length, true)
    out.set(h, 4)
    out.set(body, start)
    return out
  }
  const ok = { ok: true, value: { data: null } }

  it('are refused with a clear error', () => {
    expect(() => decodeMessage(new Uint8Array([1, 0]))).toThrow(/malformed message/)
    expect(() => decodeMessage(new Uint8Array([255, 255, 0, 0, 1]))).toThrow(/overruns/)
    expect(() => decodeMessage('{"id":1}')).toThrow(/no result/)
    expect(() => decodeMessage('{"id":1,"result":{"ok":false}}')).toThrow(/no error/)
    expect(() => decodeMessage(frameWith({ id: 1, result: ok, arrays: [{ path: ['value', 'data'], type: 'float32', byteOffset: 0, length: 3 }] }))).toThrow(
      /overruns/
    )
    expect(() => decodeMessage(frameWith({ id: 1, result: ok, arrays: [{ path: ['value', 'data'], type: 'float64', byteOffset: 0, length: 1 }] }))).toThrow(
      /type/
    )
    expect(() => decodeMessage(frameWith({ id: 1, result: ok, arrays: [{ path: ['value', 'data'], type: 'uint8', byteOffset: 0, length: 9 }] }))).toThrow(
      /overruns/
    )
    expect(decodeMessage(frameWith({ id: 1, result: ok, arrays: [{ path: ['value', 'data'], type: 'uint8', byteOffset: 4, length: 4 }] }))).toMatchObject({
      result: { value: { data: new Uint8Array(4) } }
    })
    expect(() => decodeMessage(frameWith({ id: 1, result: ok, arrays: [{ path: ['value', 'data'], type: 'int32', byteOffset: 2, length: 1 }] }))).toThrow(
      /range/
    )
    expect(() => decodeMessage(frameWith({ id: 1, result: ok, arrays: [{ path: ['value', 'nope'], type: 'int32', byteOffset: 0, length: 1 }] }))).toThrow(
      /nowhere/
    )
    expect(() =>
      decodeMessage(
        frameWith({ id: 1, result: { ok: true, value: { data: 5 } }, arrays: [{ path: ['value', 'data'], type: 'int32', byteOffset: 0, length: 1 }] })
      )
    ).toThrow(/placeholder/)
    expect(() => decodeMessage(frameWith({ id: 1, result: ok, arrays: [{ path: ['__proto__', 'x'], type: 'int32', byteOffset: 0, length: 1 }] }))).toThrow(
      /path/
    )
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})
