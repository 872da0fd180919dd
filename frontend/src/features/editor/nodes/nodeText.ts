/** READABLE_PX is the smallest text the canvas ever draws on screen, in CSS pixels: fitting the view never zooms out further. */
export const READABLE_PX = 11;

/**
 * NODE_TEXT_PX is the smallest text a node draws at 100 % zoom, in CSS
 * pixels: its small print (footer, body, problems, badges) uses NODE_TEXT.
 * nodeText.test.ts fails when a node's file uses a smaller size.
 */
export const NODE_TEXT_PX = 12;

/** NODE_TEXT is the Tailwind class of NODE_TEXT_PX. */
export const NODE_TEXT = 'text-[12px]';

/** FIT_MIN_ZOOM is the least zoom fitting the view may choose: a node's smallest text then still draws at READABLE_PX. */
export const FIT_MIN_ZOOM = READABLE_PX / NODE_TEXT_PX;
