import { rebuildProgress, type TopicTarget } from '../rebuild-progress';

const targets: TopicTarget[] = [
  {
    topic: 'a',
    partitions: [
      { partition: 0, from: 10, to: 20 },
      { partition: 1, from: 0, to: 5 },
    ],
  },
  { topic: 'empty', partitions: [{ partition: 0, from: 7, to: 7 }] },
];

describe('rebuildProgress', () => {
  it('counts a partition without a commit as not started, and the rebuild as not done', () => {
    expect(rebuildProgress(targets, new Map())).toEqual({
      topics: [
        { topic: 'a', applied: 0, total: 15 },
        { topic: 'empty', applied: 0, total: 0 },
      ],
      done: false,
    });
  });

  it('sums the offsets covered per topic, never beyond the end the rebuild began with', () => {
    const committed = new Map([
      [
        'a',
        new Map([
          [0, 15],
          [1, 9],
        ]),
      ],
    ]);
    expect(rebuildProgress(targets, committed)).toEqual({
      topics: [
        { topic: 'a', applied: 10, total: 15 },
        { topic: 'empty', applied: 0, total: 0 },
      ],
      done: false,
    });
  });

  it('is done when every partition reached its end (an empty topic is done at once)', () => {
    const committed = new Map([
      [
        'a',
        new Map([
          [0, 20],
          [1, 5],
        ]),
      ],
    ]);
    expect(rebuildProgress(targets, committed).done).toBe(true);
  });

  it('treats a commit below the start (left by an older run) as the start', () => {
    const committed = new Map([['a', new Map([[0, 3]])]]);
    expect(rebuildProgress(targets, committed).topics[0]).toEqual({ topic: 'a', applied: 0, total: 15 });
  });
});
