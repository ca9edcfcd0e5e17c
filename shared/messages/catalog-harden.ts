// Messages of the hardening checks (issue 16): archive and array caps, workspace containment, model
// topology checks, broken runs, plain disk and upload messages, spec and CLI refusals, in English and Japanese.
// Keys start with "harden.". English is what the engine writes; the UI shows either.
import type { Catalog } from './catalog'

export const HARDEN_MESSAGES = {
  // ---- archives and arrays (decompression bombs)
  'harden.zipTooManyEntries': {
    en: '{label}: the archive lists {count} members, more than the {max} read',
    ja: '{label}: アーカイブには {count} 個のメンバーがあり、読み込める {max} 個を超えています'
  },
  'harden.zipTotalTooLarge': {
    en: '{label}: the members are {size} bytes uncompressed in all, over the {max}-byte limit',
    ja: '{label}: メンバーは展開後の合計が {size} バイトで、上限の {max} バイトを超えています'
  },
  'harden.zipInflatesPast': {
    en: '{label}: member {name} inflates past the {size} bytes its directory entry declares (corrupt or hostile archive)',
    ja: '{label}: メンバー {name} は、ディレクトリに記録された {size} バイトを超えて展開されます（壊れているか、悪意のあるアーカイブです）'
  },
  'harden.npyTooManyRows': {
    en: '{label}: shape [{shape}] has {rows} rows, more than the {max} read',
    ja: '{label}: 形状 [{shape}] は {rows} 行あり、読み込める {max} 行を超えています'
  },
  'harden.npyTooManyColumns': {
    en: '{label}: shape [{shape}] has {columns} columns, more than the {max} read',
    ja: '{label}: 形状 [{shape}] は {columns} 列あり、読み込める {max} 列を超えています'
  },
  'harden.npyTooManyValues': {
    en: '{label}: shape [{shape}] holds {count} values, more than the {max} read from one array',
    ja: '{label}: 形状 [{shape}] は {count} 個の値を持ち、1 つの配列から読み込める {max} 個を超えています'
  },
  'harden.npyHeaderTooLong': {
    en: '{label}: the NPY header is {size} bytes long, more than the {max} read',
    ja: '{label}: NPY ヘッダーは {size} バイトあり、読み込める {max} バイトを超えています'
  }
} as const satisfies Catalog
