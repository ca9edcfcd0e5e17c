// The one-click re-train's spec transform, for the renderer's components: it lives in shared/regularize.ts
// (pure) so that the engine's tests re-train from exactly the spec the screen would start.
export * from '@shared/regularize'
