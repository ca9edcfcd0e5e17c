// Where the renderer lives in the desktop app: app://nagare/. Kept free of Electron imports so the
// pure checks that use it (sender, navigation) are testable on their own.
export const APP_SCHEME = 'app'
export const APP_HOST = 'nagare'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`
