import { ALL_TOPICS } from '@smarketing/contracts';
import { reportingHandlers } from '../reporting-handlers';

type Handlers = Parameters<typeof reportingHandlers>;

describe('reporting handlers', () => {
  it('handle every topic the registry lists reporting as a reader of, once each', () => {
    const useCases = Array.from({ length: reportingHandlers.length }, () => ({
      execute: async () => undefined,
    }));
    const topics = reportingHandlers(...(useCases as unknown as Handlers)).map((h) => h.topic.name);
    expect([...topics].sort()).toEqual(
      ALL_TOPICS.filter((t) => t.readers.includes('reporting'))
        .map((t) => t.name)
        .sort(),
    );
  });

  it('run the use case given for a topic on its batches', async () => {
    const calls: string[] = [];
    const useCases = Array.from({ length: reportingHandlers.length }, (_, i) => ({
      execute: async () => void calls.push(String(i)),
    }));
    const handlers = reportingHandlers(...(useCases as unknown as Handlers));
    await handlers[5]!.handle([], { query: async () => [], publish: () => '', tombstone: () => '' });
    expect(calls).toEqual(['5']);
    expect(handlers[5]!.topic.name).toContain('opportunity-updated');
  });
});
