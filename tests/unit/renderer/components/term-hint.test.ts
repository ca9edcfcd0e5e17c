// @vitest-environment happy-dom
// TermHint: the (i) button opens the short explanation by keyboard (Enter/Space activate a button),
// described for screen readers, in Japanese under ja; Escape closes it and returns focus; and every
// glossary term has a name and a text in both languages.
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '@/i18n'
import glossary from '@/i18n/areas/glossary'
import TermHint from '@/components/common/TermHint.vue'

const TERMS = [
  'flow',
  'transport',
  'entropy',
  'w2',
  'slicedW2',
  'kinetic',
  'continuousDepth',
  'flagMerging',
  'flagMotion',
  'flagNeighbours',
  'flagShift',
  'domainShift'
] as const

function mountHint(locale: 'en' | 'ja', term: (typeof TERMS)[number] = 'entropy') {
  const Host = defineComponent({ render: () => h('div', [h(TermHint, { term }, () => 'Entropy (nats)'), h('button', { id: 'other' }, 'other')]) })
  return mount(Host, { global: { plugins: [createAppI18n(locale)] }, attachTo: document.body })
}

describe('TermHint', () => {
  it('opens by keyboard with the Japanese text under ja, and closes on Escape with focus back', async () => {
    document.body.innerHTML = ''
    const w = mountHint('ja')
    const button = w.get('[data-testid="term-hint-entropy"]')
    const text = w.get('[data-testid="term-hint-entropy-text"]')
    expect(w.text()).toContain('Entropy (nats)')
    expect(button.attributes('aria-label')).toBe('「エントロピー」とは')
    expect(button.attributes('aria-describedby')).toBe(text.attributes('id'))
    expect(text.attributes('role')).toBe('tooltip')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect((text.element as HTMLElement).style.display).toBe('none')
    // a native button: Enter and Space activate it as a click; it is in the tab order
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.attributes('tabindex')).toBeUndefined()
    ;(button.element as HTMLButtonElement).focus()
    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect((text.element as HTMLElement).style.display).toBe('')
    expect(text.text()).toBe(glossary.ja.glossary.terms.entropy.text)
    expect(text.text()).toContain('微分エントロピー')
    ;(w.get('#other').element as HTMLButtonElement).focus()
    await button.trigger('keydown', { key: 'Escape' })
    expect(button.attributes('aria-expanded')).toBe('false')
    expect((text.element as HTMLElement).style.display).toBe('none')
    expect(document.activeElement).toBe(button.element)
    w.unmount()
  })

  it('a click elsewhere closes it; a second press too; English under en', async () => {
    document.body.innerHTML = ''
    const w = mountHint('en', 'w2')
    const button = w.get('[data-testid="term-hint-w2"]')
    await button.trigger('click')
    expect(w.get('[data-testid="term-hint-w2-text"]').text()).toContain('root-mean-square distance')
    document.getElementById('other')!.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await w.vm.$nextTick()
    expect(button.attributes('aria-expanded')).toBe('false')
    await button.trigger('click')
    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('false')
    // placed once beside the button: a scroll would leave it behind, so it closes
    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    document.dispatchEvent(new Event('scroll'))
    await w.vm.$nextTick()
    expect(button.attributes('aria-expanded')).toBe('false')
    w.unmount()
  })
})

describe('glossary', () => {
  it('has every term, with a name and a text, in English and Japanese, and no i18n syntax in them', () => {
    for (const lang of ['en', 'ja'] as const) {
      const terms = glossary[lang].glossary.terms as Record<string, { name: string; text: string }>
      expect(Object.keys(terms).sort(), lang).toEqual([...TERMS].sort())
      for (const k of TERMS) {
        expect(terms[k].name.trim().length, `${lang}.${k}.name`).toBeGreaterThan(0)
        expect(terms[k].text.trim().length, `${lang}.${k}.text`).toBeGreaterThan(20)
        // '{', '|' and '@' are vue-i18n syntax: a formula written with them would not render
        expect(terms[k].text, `${lang}.${k}`).not.toMatch(/[{}|@]/)
      }
    }
    expect(glossary.ja.glossary.terms.flow.text).not.toBe(glossary.en.glossary.terms.flow.text)
  })

  it('every term renders through i18n in both languages exactly as written', () => {
    for (const lang of ['en', 'ja'] as const) {
      const i18n = createAppI18n(lang)
      for (const k of TERMS) expect(i18n.global.t(`glossary.terms.${k}.text`)).toBe(glossary[lang].glossary.terms[k].text)
    }
  })
})
