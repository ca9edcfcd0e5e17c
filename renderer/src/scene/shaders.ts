// GLSL ES 3.00 sources of the trajectory materials. Every position is read from the run's float
// texture (see layout.ts); scrubbing changes only the uniforms uSample0/uSample1/uWeight/uDepth.

/** Shared declarations and helpers; texelOf/bracket/project in layout.ts, depth.ts, projection.ts mirror them. */
export const COMMON = /* glsl */ `
precision highp float;
precision highp int;
precision highp sampler2D;
uniform mat4 modelViewMatrix;
uniform mat4 projectionMatrix;
uniform sampler2D uPositions;
uniform sampler2D uColors;
uniform sampler2D uDepths;
uniform int uWidth;
uniform int uColorWidth;
uniform int uCount;
uniform int uSample0;
uniform int uSample1;
uniform float uWeight;
uniform float uDepth;
uniform mat4 uProject;
uniform vec3 uOffset;

vec3 fetchRaw(int particle, int smp) {
  int i = smp * uCount + particle;
  return texelFetch(uPositions, ivec2(i % uWidth, i / uWidth), 0).xyz;
}
vec3 currentRaw(int particle) {
  return mix(fetchRaw(particle, uSample0), fetchRaw(particle, uSample1), uWeight);
}
float depthOf(int smp) {
  return texelFetch(uDepths, ivec2(smp, 0), 0).r;
}
vec3 toWorld(vec3 p, float depth) {
  return (uProject * vec4(p, depth)).xyz + uOffset;
}
vec4 colorOf(int particle) {
  return texelFetch(uColors, ivec2(particle % uColorWidth, particle / uColorWidth), 0);
}
`

export const POINTS_VERTEX = /* glsl */ `${COMMON}
in float aParticle;
uniform float uPointSize;
out vec3 vColor;
void main() {
  int p = int(aParticle);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(toWorld(currentRaw(p), uDepth), 1.0);
  gl_PointSize = uPointSize;
  vColor = colorOf(p).rgb;
}
`

export const POINTS_FRAGMENT = /* glsl */ `
precision highp float;
in vec3 vColor;
out vec4 fragColor;
void main() {
  vec2 c = gl_PointCoord * 2.0 - 1.0;
  if (dot(c, c) > 1.0) discard;
  fragColor = vec4(vColor, 1.0);
}
`

/** Whole trajectories (1-D and 2-D views): brighter up to the current depth, faint beyond it. */
export const LINES_VERTEX = /* glsl */ `${COMMON}
in float aParticle;
in float aSample;
uniform float uAlphaPast;
uniform float uAlphaFuture;
out vec4 vColor;
void main() {
  int p = int(aParticle);
  int s = int(aSample);
  float d = depthOf(s);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(toWorld(fetchRaw(p, s), d), 1.0);
  vColor = vec4(colorOf(p).rgb, d <= uDepth ? uAlphaPast : uAlphaFuture);
}
`

/** Fading trails (3-D view): point 0 is the current position, point k >= 1 the sample uSample0 + 1 - k. */
export const TRAILS_VERTEX = /* glsl */ `${COMMON}
in float aParticle;
in float aStep;
uniform float uSteps;
uniform float uTrailAlpha;
out vec4 vColor;
void main() {
  int p = int(aParticle);
  int k = int(aStep);
  vec3 raw = k == 0 ? currentRaw(p) : fetchRaw(p, max(0, uSample0 + 1 - k));
  gl_Position = projectionMatrix * modelViewMatrix * vec4(toWorld(raw, uDepth), 1.0);
  vColor = vec4(colorOf(p).rgb, uTrailAlpha * max(0.0, 1.0 - aStep / (uSteps - 1.0)));
}
`

export const FADE_FRAGMENT = /* glsl */ `
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main() {
  fragColor = vColor;
}
`
