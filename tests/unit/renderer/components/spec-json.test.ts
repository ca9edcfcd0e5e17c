// @vitest-environment happy-dom
// The DAE wizard's last step shows the spec it would run as JSON: it parses back to the same, valid spec.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { parseSpec } from '@shared/experiment'
import { createAppI18n } from '@/i18n'
import SpecJsonView from '@/components/wizard/SpecJsonView.vue'
import { SPEC_47 } from '../helpers'

describe('SpecJsonView', () => {
  it('shows the spec as JSON that parses back to the same valid spec', () => {
    const w = mount(SpecJsonView, { props: { spec: SPEC_47, testid: 'dae-spec' }, global: { plugins: [createAppI18n('en')] } })
    const shown = JSON.parse(w.find('pre').text())
    expect(shown).toEqual(SPEC_47)
    expect(parseSpec(shown).ok).toBe(true)
    expect(w.find('[data-testid="dae-spec-save"]').text()).toBe('Save as JSON')
  })
})
