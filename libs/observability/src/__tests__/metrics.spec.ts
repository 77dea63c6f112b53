import { Counter } from 'prom-client';
import { counter, gauge, histogram, initMetrics, metricsRegistry } from '../metrics';

describe('metric helpers', () => {
  it('return the already registered metric when a module is built twice', () => {
    const first = counter({ name: 'test_events_total', help: 'events', labelNames: ['topic'] });
    const second = counter({ name: 'test_events_total', help: 'events', labelNames: ['topic'] });
    expect(second).toBe(first);
    expect(first).toBeInstanceOf(Counter);

    const h = histogram({ name: 'test_batch_size', help: 'batch', buckets: [1, 10, 100] });
    expect(histogram({ name: 'test_batch_size', help: 'batch', buckets: [1, 10, 100] })).toBe(h);
    const g = gauge({ name: 'test_outbox_depth', help: 'depth' });
    expect(gauge({ name: 'test_outbox_depth', help: 'depth' })).toBe(g);
  });

  it('refuse a name taken by another kind of metric or other labels', () => {
    counter({ name: 'test_taken_total', help: 'taken', labelNames: ['a'] });
    expect(() => gauge({ name: 'test_taken_total', help: 'taken' })).toThrow(/another kind/);
    expect(() => counter({ name: 'test_taken_total', help: 'taken', labelNames: ['b'] })).toThrow(
      /labels \[a\]/,
    );
  });

  it('register in the shared registry, labelled with the service, next to default Node metrics', async () => {
    initMetrics({ service: 'scoring' });
    initMetrics({ service: 'scoring' });
    counter({ name: 'test_scored_total', help: 'scored', labelNames: ['model'] }).inc({ model: 'v1' }, 3);
    const text = await metricsRegistry.metrics();
    expect(text).toContain('test_scored_total{model="v1",service="scoring"} 3');
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="scoring"\} /m);
    // Collected once: a second init must not register the default metrics again.
    expect(text.match(/^# TYPE process_cpu_user_seconds_total /gm)).toHaveLength(1);
  });
});
