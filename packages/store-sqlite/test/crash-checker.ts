import Database from 'better-sqlite3';
import { apply, createdSession, dueAt, elapsedAt, reopen, settle, type TruthOperation, type TruthSession, type TruthStatus } from './crash-truth';

/** What the child reports at start-up (see crash-child.ts). */
export interface ReadyReport {
  type: 'ready';
  before: number;
  at: number;
  sessions: Array<{ id: string; status: TruthStatus; elapsedTime: number; duration: number; completedAt: string | null }>;
  wheels: Array<{ id: string; rotations: string }>;
}

type ChildLine =
  | ReadyReport
  | { type: 'intent'; op: 'create' | TruthOperation; id?: string; t0: number }
  | { type: 'done'; op: 'create'; id: string; duration: number; t1: number }
  | { type: 'done'; op: TruthOperation; id: string; t0: number; t1: number; status: TruthStatus }
  | { type: 'failed'; op: TruthOperation; id: string; t0: number; t1: number; status: TruthStatus }
  | { type: 'rotated'; wheelId: string; rotations: string };

/** Tolerance of the elapsed-time and completion-instant checks, in seconds (the "within one second"). */
export const TOLERANCE_SECONDS = 1;

const clone = (session: TruthSession): TruthSession => ({ ...session });

/** Problems of one reported session against the truth, for a report taken between `before` and `at`. */
export function verifySession(truth: TruthSession, reported: ReadyReport['sessions'][number], before: number, at: number): string[] {
  const problems: string[] = [];
  const atReport = clone(truth);
  settle(atReport, at);
  const running = (status: TruthStatus): boolean => status === 'running' || status === 'completed';
  // Around the completion instant the kernel may report `running` a moment longer (its timer has not fired yet) or already `completed`.
  const tolerance = TOLERANCE_SECONDS + truth.slack;
  const nearDue = truth.status === 'running' && Math.abs(dueAt(truth) - at) <= tolerance * 1000 + (at - before);
  if (reported.status !== atReport.status && !(nearDue && running(reported.status) && running(atReport.status))) {
    problems.push(`${truth.id}: status ${reported.status}, truth ${atReport.status}`);
  }
  const low = elapsedAt(truth, before) - tolerance;
  const high = elapsedAt(truth, at) + tolerance;
  if (!(reported.elapsedTime >= low && reported.elapsedTime <= high)) {
    problems.push(`${truth.id}: elapsed ${reported.elapsedTime}s, truth between ${(low + tolerance).toFixed(3)} and ${(high - tolerance).toFixed(3)}s (±${tolerance.toFixed(3)})`);
  }
  if (reported.status === 'completed') {
    const due = truth.status === 'completed' ? (truth.completedAt ?? Number.NaN) : dueAt(truth);
    const completedAt = reported.completedAt === null ? Number.NaN : Date.parse(reported.completedAt);
    if (!(Math.abs(completedAt - due) <= tolerance * 1000)) {
      problems.push(`${truth.id}: completedAt ${reported.completedAt}, truth ${new Date(due).toISOString()}`);
    }
  }
  return problems;
}

/**
 * Follows the child's announcements across incarnations and checks every recovery and every database
 * left behind by a SIGKILL. Problems are collected, not thrown, so one run reports all of them.
 */
export class CrashChecker {
  readonly sessions = new Map<string, TruthSession>();
  /** Highest rotation count announced by a `wheel:rotated` event, per wheel. */
  readonly announced = new Map<string, bigint>();
  readonly problems: string[] = [];
  /** When the parent sent the last SIGKILL: an operation still in flight happened before it, if at all. */
  private killedAt: number | undefined;
  readonly counts = {
    maxSlackSeconds: 0,
    readies: 0,
    transitions: 0,
    rotatedEvents: 0,
    inFlightApplied: 0,
    inFlightDropped: 0,
    completedWhileDown: 0,
    completedChecks: 0,
    sessionChecks: 0,
    wheelChecks: 0,
  };
  private pending: Extract<ChildLine, { type: 'intent' }> | undefined;

  onLine(line: ChildLine): void {
    switch (line.type) {
      case 'ready':
        this.onReady(line);
        break;
      case 'intent':
        this.pending = line;
        break;
      case 'rotated': {
        this.counts.rotatedEvents += 1;
        const count = BigInt(line.rotations);
        if (count > (this.announced.get(line.wheelId) ?? -1n)) this.announced.set(line.wheelId, count);
        break;
      }
      case 'done':
        this.pending = undefined;
        this.counts.transitions += 1;
        if (line.op === 'create') {
          this.sessions.set(line.id, createdSession(line.id, line.duration));
        } else {
          this.onTransition(line.id, line.op, line.t0, line.t1, line.status);
        }
        break;
      case 'failed': {
        this.pending = undefined;
        const session = this.sessions.get(line.id);
        if (session === undefined) {
          this.problems.push(`failed ${line.op} on unknown session ${line.id}`);
          break;
        }
        settle(session, line.t1);
        // The kernel completed the session (its timer fired); truth must agree it had run its duration.
        const nearlyDone = session.status === 'completed' || elapsedAt(session, line.t1) >= session.duration - TOLERANCE_SECONDS;
        if (line.status !== 'completed' || !nearlyDone) this.problems.push(`${line.op} refused on ${line.id} (${line.status}) but truth is ${session.status}`);
        if (session.status !== 'completed') {
          session.completedAt = Math.min(dueAt(session), line.t1);
          session.status = 'completed';
        }
        break;
      }
    }
  }

  /** The parent killed the child at wall instant `at`. */
  onKilled(at: number): void {
    this.killedAt = at;
  }

  private onTransition(id: string, op: TruthOperation, t0: number, t1: number, status: TruthStatus): void {
    const t = (t0 + t1) / 2;
    const session = this.sessions.get(id);
    if (session === undefined) {
      this.problems.push(`${op} on unknown session ${id}`);
      return;
    }
    let ok = apply(session, op, t0, t1);
    // The kernel's completion timer fires a little after the true instant: an operation in that gap is legal.
    if (!ok && session.status === 'completed' && session.completedAt !== null && t - session.completedAt <= TOLERANCE_SECONDS * 1000) {
      reopen(session);
      ok = apply(session, op, t0, t1);
    }
    this.counts.maxSlackSeconds = Math.max(this.counts.maxSlackSeconds, session.slack);
    if (!ok) this.problems.push(`${op} on ${id} succeeded but truth says it is ${session.status}`);
    else if (session.status !== status) this.problems.push(`${op} on ${id} returned ${status}, truth ${session.status}`);
  }

  private onReady(report: ReadyReport): void {
    this.counts.readies += 1;
    const reported = new Map(report.sessions.map((s) => [s.id, s]));
    const pending = this.pending;
    this.pending = undefined;
    // An operation cut off by the kill may or may not have committed: accept whichever outcome the store holds.
    if (pending !== undefined && pending.op === 'create') {
      const extra = report.sessions.filter((s) => !this.sessions.has(s.id));
      if (extra.length > 1) this.problems.push(`${extra.length} unknown sessions after one interrupted create`);
      for (const s of extra.slice(0, 1)) {
        if (s.status !== 'created' || s.elapsedTime !== 0) this.problems.push(`interrupted create left ${s.id} ${s.status}`);
        this.sessions.set(s.id, createdSession(s.id, s.duration));
        this.counts.inFlightApplied += 1;
      }
    } else if (pending !== undefined && pending.id !== undefined) {
      const truth = this.sessions.get(pending.id);
      const seen = reported.get(pending.id);
      if (truth !== undefined && seen !== undefined) {
        const applied = clone(truth);
        if (apply(applied, pending.op as TruthOperation, pending.t0, Math.max(pending.t0, this.killedAt ?? pending.t0)) && verifySession(applied, seen, report.before, report.at).length === 0) {
          this.sessions.set(pending.id, applied);
          this.counts.inFlightApplied += 1;
        } else {
          this.counts.inFlightDropped += 1;
        }
      }
    }
    for (const s of report.sessions) {
      if (!this.sessions.has(s.id)) this.problems.push(`unknown session ${s.id} after restart`);
    }
    for (const truth of this.sessions.values()) {
      this.counts.sessionChecks += 1;
      const seen = reported.get(truth.id);
      if (seen === undefined) {
        this.problems.push(`session ${truth.id} lost`);
        continue;
      }
      this.problems.push(...verifySession(truth, seen, report.before, report.at));
      if (seen.status === 'completed') this.counts.completedChecks += 1;
      if (seen.status === 'completed' && truth.status !== 'completed') {
        this.counts.completedWhileDown += 1;
        truth.completedAt = dueAt(truth);
        truth.status = 'completed';
        truth.since = null;
      }
    }
    const wheels = new Map(report.wheels.map((w) => [w.id, BigInt(w.rotations)]));
    for (const [id, count] of this.announced) {
      this.counts.wheelChecks += 1;
      const recovered = wheels.get(id);
      if (recovered === undefined || recovered < count) this.problems.push(`wheel ${id} recovered ${String(recovered)} rotations, ${count} were announced`);
    }
  }

  /** Read the database the killed child left behind (read-only, without checkpointing it). */
  checkDatabase(path: string): void {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = (collection: string): Map<string, Record<string, unknown>> =>
        new Map(
          (db.prepare('SELECT id, json FROM vajra_records WHERE collection = ?').all(collection) as Array<{ id: string; json: string }>).map((row) => [
            row.id,
            JSON.parse(row.json) as Record<string, unknown>,
          ]),
        );
      const sessions = rows('sessions');
      for (const id of this.sessions.keys()) if (!sessions.has(id)) this.problems.push(`session ${id} missing from the database file`);
      const wheels = rows('wheels');
      for (const [id, count] of this.announced) {
        this.counts.wheelChecks += 1;
        const stored = wheels.get(id)?.rotations;
        if (typeof stored !== 'string' || BigInt(stored) < count) this.problems.push(`wheel ${id}: ${String(stored)} rotations stored, ${count} announced`);
      }
    } finally {
      db.close();
    }
  }
}
