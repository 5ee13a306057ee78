/** The JSON shapes the dashboard reads, typed by the SDK packages that produce them. */
export type { Session, Wheel, WheelDedication, Mantra, WheelRotatedEvent } from '@vajra-stream/core';
export type { SpectrumFrame } from '@vajra-stream/audio';
export type { MoonPhase, Panchanga, PlanetaryDay, PlanetaryHour, TibetanDate } from '@vajra-stream/astrology';

/** A page of a listing (`GET /api/v1/sessions`, `/prayers/wheels`, …). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `GET /`: what the server offers. */
export interface ServerInfo {
  name: string;
  plugins: string[];
  /** Writes and the WebSocket need a key or token right now. */
  authRequired?: boolean;
}

/** A finished oracle text (`oracle:done`). */
export interface OracleText {
  kind: string;
  text: string;
  provider: string;
  modelId: string;
}
