/** The render: 60 s stereo 48 kHz. */
export const BENCH_DURATION = 60;
/** Bowl layer gain of the render bench: the mix peaks at ≈ 0.88, above the default 0.8 ceiling, so the limiter works. */
export const BENCH_BOWL_GAIN = 0.95;
