import { describe, expect, it } from 'vitest';
import { addDownloadTick, describeBytes, summarizeDownloads, type Downloads } from './downloads.ts';

const tick = (url: string, loaded: number, total: number | null, done = false, batch = 1) => ({ url, batch, loaded, total, done });

describe('download batches', () => {
  it('sums the files of a batch, also when they arrive one after another, and starts over for the next', () => {
    let d: Downloads = {};
    d = addDownloadTick(d, tick('a.whl', 0, 1000));
    d = addDownloadTick(d, tick('b.whl', 500, 3000));
    d = addDownloadTick(d, tick('a.whl', 1000, 1000, true));
    expect(summarizeDownloads(d)).toEqual({ files: 2, done: 1, loaded: 1500, total: 4000 });
    d = addDownloadTick(d, tick('b.whl', 3000, 3000, true));
    expect(summarizeDownloads(d)).toEqual({ files: 2, done: 2, loaded: 4000, total: 4000 });
    d = addDownloadTick(d, tick('c.whl', 10, 100));
    expect(summarizeDownloads(d)).toEqual({ files: 3, done: 2, loaded: 4010, total: 4100 });
    d = addDownloadTick(d, tick('d.whl', 10, null, false, 2));
    expect(summarizeDownloads(d)).toEqual({ files: 1, done: 0, loaded: 10, total: null });
    expect(summarizeDownloads({})).toBeNull();
  });

  it('says how much in MB', () => {
    expect(describeBytes({ files: 1, done: 0, loaded: 1.25 * 2 ** 20, total: 3.5 * 2 ** 20 })).toBe('1.3 of 3.5 MB');
    expect(describeBytes({ files: 1, done: 0, loaded: 2 ** 20, total: null })).toBe('1.0 MB');
  });
});
