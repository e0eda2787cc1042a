import { describe, expect, it } from 'vitest';

import { AnswerGate, LatencyModel, pause, seededRandom } from '../../../electron/sandbox/answer-pacing';

describe('LatencyModel', () => {
  it('draws the same delays from the same seed, within latency and latency + jitter', () => {
    const draw = (seed: number) => {
      const model = new LatencyModel(100, 50, seed);
      return Array.from({ length: 200 }, () => model.next());
    };

    const delays = draw(42);

    expect(draw(42)).toEqual(delays);
    expect(draw(43)).not.toEqual(delays);
    expect(delays.every((ms) => Number.isInteger(ms) && ms >= 100 && ms <= 150)).toBe(true);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });

  it('is exactly the latency without jitter, and follows a change', () => {
    const model = new LatencyModel(25, 0, 1);
    const before = [model.next(), model.next()];
    model.set(0, 0);

    expect(before).toEqual([25, 25]);
    expect(model.next()).toBe(0);
  });
});

describe('seededRandom', () => {
  it('yields numbers in [0, 1)', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 1000 }, random);

    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('pause', () => {
  it('resolves true when the time is up, at once for zero', async () => {
    expect(await pause(0, new AbortController().signal)).toBe(true);
    expect(await pause(1, new AbortController().signal)).toBe(true);
  });

  it('resolves false as soon as the signal aborts, even for a wait too long for a timer', async () => {
    const controller = new AbortController();
    const waiting = [pause(3_600_000, controller.signal), pause(Number.POSITIVE_INFINITY, controller.signal)];

    controller.abort();

    expect(await Promise.all(waiting)).toEqual([false, false]);
    expect(await pause(5, controller.signal)).toBe(false);
  });
});

describe('AnswerGate', () => {
  it('lets answers through while open', async () => {
    expect(await new AnswerGate().pass(new AbortController().signal)).toBe(true);
  });

  it('holds answers until every hold is released', async () => {
    const gate = new AnswerGate();
    const releaseA = gate.hold();
    const releaseB = gate.hold();
    const order: string[] = [];
    const passing = gate.pass(new AbortController().signal).then((passed) => order.push(`passed:${passed}`));

    releaseA();
    releaseA();
    await Promise.resolve();
    order.push('B still holds');
    releaseB();
    await passing;

    expect(order).toEqual(['B still holds', 'passed:true']);
  });

  it('gives up on abort', async () => {
    const gate = new AnswerGate();
    gate.hold();
    const controller = new AbortController();
    const passing = gate.pass(controller.signal);

    controller.abort();

    expect(await passing).toBe(false);
  });
});
