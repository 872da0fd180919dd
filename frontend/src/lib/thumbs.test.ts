import { describe, expect, it } from 'vitest';
import { thumbable, thumbSrcSet } from './thumbs';

describe('thumbnails', () => {
  it('are asked of the server only for the images it stores', () => {
    expect(thumbable('/files/u/ab12.png')).toBe(true);
    expect(thumbable('https://ads.example.com/files/u/ab12.png')).toBe(true);
    expect(thumbable('https://x.supabase.co/storage/v1/object/public/images/u/ab12.png')).toBe(false);
    expect(thumbable('/files/u/ab12.png?w=160')).toBe(false);
    expect(thumbable('data:image/png;base64,AAAA')).toBe(false);
    expect(thumbSrcSet('https://x.supabase.co/storage/v1/object/public/images/u/a.png', 1080)).toBeUndefined();
  });

  it('offer the widths narrower than the image, then the image itself', () => {
    expect(thumbSrcSet('/files/a.png', 1080)).toBe('/files/a.png?w=160 160w, /files/a.png?w=320 320w, /files/a.png?w=640 640w, /files/a.png 1080w');
    expect(thumbSrcSet('/files/a.png', 320)).toBe('/files/a.png?w=160 160w, /files/a.png 320w');
    expect(thumbSrcSet('/files/a.png')).toBe('/files/a.png?w=160 160w, /files/a.png?w=320 320w, /files/a.png?w=640 640w');
  });
});
