// The shape of a message catalogue: each key has an English and a Japanese template with the same
// placeholders. Every catalogue file under shared/messages/ has this shape.
export interface Entry {
  en: string
  ja: string
}

export type Catalog = Record<string, Entry>
