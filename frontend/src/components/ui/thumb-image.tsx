import { useState, type ImgHTMLAttributes } from 'react';
import { thumbSrcSet } from '../../lib/thumbs';

type Props = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'srcSet' | 'sizes' | 'onError'> & {
  src: string;
  /** naturalWidth is the image's own width in pixels, when known. */
  naturalWidth?: number;
  /** sizes is how wide the image is shown (the img sizes attribute). */
  sizes: string;
};

/**
 * ThumbImage shows one of the server's stored images small: the browser
 * picks the smallest of its thumbnails (lib/thumbs) that is sharp at sizes.
 * When a thumbnail fails (the server makes none of an image that large),
 * it shows the image itself; images stored elsewhere are shown whole.
 */
export function ThumbImage({ src, naturalWidth, sizes, ...rest }: Props) {
  const [failed, setFailed] = useState<string | null>(null);
  const srcSet = failed === src ? undefined : thumbSrcSet(src, naturalWidth);
  return <img src={src} srcSet={srcSet} sizes={srcSet ? sizes : undefined} onError={() => setFailed(src)} {...rest} />;
}
