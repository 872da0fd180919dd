import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JsonSchema, Placement } from '../../api/types';
import { formExtras } from './formExtras';
import { SchemaForm } from './SchemaForm';

const none = { top: 0, bottom: 0, left: 0, right: 0 };
const placements: Placement[] = [
  { id: 'meta_feed_square', platform: 'Meta', name: 'Feed, square', width: 1080, height: 1080, safe: none, max_bytes: 1, source: '' },
  { id: 'meta_stories', platform: 'Meta', name: 'Stories', width: 1080, height: 1920, safe: { ...none, top: 0.14, bottom: 0.2 }, max_bytes: 1, source: '' },
  { id: 'google_display_landscape', platform: 'Google', name: 'Display, landscape 1.91:1', width: 1200, height: 628, safe: none, max_bytes: 1, source: '' },
];

/** schema is OUTPUT's config schema, cut down. */
const schema: JsonSchema = {
  type: 'object', 'x-order': ['placements', 'aspect_ratio'],
  properties: {
    placements: { type: ['array', 'null'], title: 'Placements', description: 'Platform formats to deliver.' },
    aspect_ratio: { type: 'string', title: 'Aspect ratio', enum: ['1:1', '4:5'], default: '1:1' },
  },
};

/** show renders the Output's form with the placements loaded. */
function show(value: Record<string, unknown>, onChange = vi.fn()) {
  const qc = new QueryClient();
  qc.setQueryData(['placements'], { placements });
  const extras = formExtras('OUTPUT', value);
  render(
    <QueryClientProvider client={qc}>
      <SchemaForm schema={schema} value={value} onChange={onChange} errors={{}} custom={extras.custom} notes={extras.notes} />
    </QueryClientProvider>,
  );
  return onChange;
}

describe('the placement picker', () => {
  afterEach(cleanup);

  it('groups checkboxes by platform, each with its size, and keeps the catalog\'s order when one is picked', () => {
    const onChange = show({ placements: ['google_display_landscape'] });
    expect(screen.getByRole('group', { name: 'Meta' }).textContent).toBe('MetaFeed, square1080×1080Stories1080×1920');
    expect(screen.getByRole('group', { name: 'Google' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('placement-meta_stories'));
    expect(onChange).toHaveBeenCalledWith({ placements: ['meta_stories', 'google_display_landscape'] });
    expect(screen.getByTestId('note-aspect_ratio').textContent).toContain('this ratio does not apply');
  });

  it('leaves the field unset when the last placement is unpicked, and says nothing of the ratio without placements', () => {
    const onChange = show({ placements: ['meta_stories'] });
    fireEvent.click(screen.getByTestId('placement-meta_stories'));
    expect(onChange).toHaveBeenCalledWith({});
    cleanup();
    show({});
    expect(screen.queryByTestId('note-aspect_ratio')).toBeNull();
  });
});
