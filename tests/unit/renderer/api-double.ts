// The one stand-in for '@/api' in the renderer tests. A test file replaces the module with
//   vi.mock('@/api', () => import('../api-double'))
// and then says which methods the engine answers with: setApi(createMockApi().api). vi.mock is hoisted
// above every import, so the double has to live in a module of its own rather than in a test's variable;
// `api` forwards each read to the methods set last, so one test can swap them between cases.
let current: object | null = null

/** The methods `api` answers with from now on (returned, so a test can keep them at hand). */
export function setApi<T extends object>(methods: T): T {
  current = methods
  return methods
}

function methods(): object {
  if (!current) throw new Error('api-double: call setApi(...) before the code under test uses the api')
  return current
}

export const api = new Proxy(
  {},
  {
    get: (_, key) => Reflect.get(methods(), key),
    has: (_, key) => Reflect.has(methods(), key),
    ownKeys: () => Reflect.ownKeys(methods()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(methods(), key)
      return d && { ...d, configurable: true }
    }
  }
)

export const transportKind = 'test'
