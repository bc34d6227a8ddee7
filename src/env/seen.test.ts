import { describe, expect, it } from 'vitest';
import { isSeen, type SeenSignals } from './seen';

const shown: SeenSignals = { tab: true, inViewport: true, slide: null, hostSends: false };

describe('isSeen', () => {
  it('a frame in the viewport of a shown tab, in a host that says nothing, is seen', () => {
    expect(isSeen(shown)).toBe(true);
  });

  it('is not known until the first viewport report, unless something already hides it', () => {
    expect(isSeen({ ...shown, inViewport: null })).toBeNull();
    expect(isSeen({ ...shown, inViewport: null, slide: 'stop', hostSends: true })).toBe(false);
    expect(isSeen({ ...shown, inViewport: null, tab: false })).toBe(false);
  });

  it('a hidden tab, a frame scrolled away or without a box, or a slide left, hides it', () => {
    expect(isSeen({ ...shown, tab: false })).toBe(false);
    expect(isSeen({ ...shown, inViewport: false })).toBe(false);
    expect(isSeen({ ...shown, slide: 'stop', hostSends: true })).toBe(false);
  });

  it("in a host that sends slide messages, a frame never told 'slide:start' is on a slide not shown", () => {
    expect(isSeen({ ...shown, hostSends: true })).toBe(false);
    expect(isSeen({ ...shown, hostSends: true, slide: 'start' })).toBe(true);
    // Entered, but the slide's frame is out of view (scrolled within a tall slide): hidden.
    expect(isSeen({ ...shown, hostSends: true, slide: 'start', inViewport: false })).toBe(false);
  });
});
