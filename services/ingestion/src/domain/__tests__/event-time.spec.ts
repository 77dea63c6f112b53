import { segmentEventTime } from '..';

const receivedAt = Date.parse('2024-05-01T12:00:10.000Z');

describe('segmentEventTime', () => {
  it.each([
    [
      'uses timestamp when given',
      {
        timestamp: '2024-05-01T09:00:00.000Z',
        originalTimestamp: '2024-05-01T11:00:00.000Z',
        sentAt: '2024-05-01T11:00:05.000Z',
      },
      '2024-05-01T09:00:00.000Z',
    ],
    [
      'accepts a timestamp with an offset',
      { timestamp: '2024-05-01T11:00:00.000+02:00' },
      '2024-05-01T09:00:00.000Z',
    ],
    // The device clock is 1 hour slow: it sent at 11:00:05 what we received at 12:00:10.
    [
      'corrects the device clock skew',
      { originalTimestamp: '2024-05-01T11:00:00.000Z', sentAt: '2024-05-01T11:00:05.000Z' },
      '2024-05-01T12:00:05.000Z',
    ],
    [
      'corrects a fast device clock',
      { originalTimestamp: '2024-05-01T13:00:00.000Z', sentAt: '2024-05-01T13:00:08.000Z' },
      '2024-05-01T12:00:02.000Z',
    ],
    [
      'uses originalTimestamp without sentAt',
      { originalTimestamp: '2024-05-01T11:00:00.000Z' },
      '2024-05-01T11:00:00.000Z',
    ],
    ['ignores sentAt alone', { sentAt: '2024-05-01T11:00:05.000Z' }, '2024-05-01T12:00:10.000Z'],
    ['falls back to receivedAt', {}, '2024-05-01T12:00:10.000Z'],
    [
      'skips an unreadable timestamp',
      { timestamp: 'yesterday', originalTimestamp: '2024-05-01T11:00:00.000Z' },
      '2024-05-01T11:00:00.000Z',
    ],
    [
      'accepts epoch ms and Dates',
      {
        originalTimestamp: Date.parse('2024-05-01T11:00:00.000Z'),
        sentAt: new Date('2024-05-01T11:00:00.000Z'),
      },
      '2024-05-01T12:00:10.000Z',
    ],
    [
      'treats null as absent',
      { timestamp: null, originalTimestamp: null, sentAt: null },
      '2024-05-01T12:00:10.000Z',
    ],
  ])('%s', (_case, times, expected) => {
    expect(segmentEventTime({ ...times, receivedAt })).toBe(Date.parse(expected));
  });

  it('accepts receivedAt as a Date', () => {
    expect(segmentEventTime({ receivedAt: new Date(receivedAt) })).toBe(receivedAt);
  });
});
