import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { imageModelSpec } from '../../test/fixtures';
import type { GalleryImage } from './gallery';
import { Lightbox } from './Lightbox';

const images: GalleryImage[] = [1, 2, 3].map((n) => ({
  url: `/files/${n}.png`, width: 1080, height: 1350, ratio: '4:5', fileName: `w-4x5-${n}.png`,
  prompt: `prompt ${n}`, modelId: 'fal-ai/flux/schnell', seed: n, costPerImage: 0.003,
}));

/** Shown renders the lightbox open at the first image, with the catalog loaded. */
function Shown() {
  const [index, setIndex] = useState<number | null>(0);
  return <Lightbox images={images} index={index} onIndex={setIndex} />;
}

describe('Lightbox', () => {
  afterEach(cleanup);

  it('captions the image, goes on with the arrow keys (wrapping) and closes with Escape', () => {
    const qc = new QueryClient();
    qc.setQueryData(['node-types'], { node_types: [imageModelSpec] });
    render(<QueryClientProvider client={qc}><Shown /></QueryClientProvider>);
    expect(screen.getByRole('dialog').textContent).toContain('Ad 1 of 3');
    expect(screen.getByTestId('lightbox-caption').textContent).toBe('FLUX schnell · seed 1 · 1080×1350 (4:5) · $0.003 per image');
    expect(screen.getByTestId('lightbox-image').getAttribute('alt')).toBe('prompt 1');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'ArrowRight' });
    expect(screen.getByTestId('lightbox-download').getAttribute('download')).toBe('w-4x5-2.png');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'ArrowLeft' });
    expect(screen.getByRole('dialog').textContent).toContain('Ad 3 of 3');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
