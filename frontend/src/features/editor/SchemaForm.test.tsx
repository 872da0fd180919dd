import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { imageModelSpec } from '../../test/fixtures';
import { SchemaForm } from './SchemaForm';

describe('SchemaForm', () => {
  afterEach(cleanup);
  const schema = imageModelSpec.config_schema;

  it('renders fields in x-order with their titles, x-ui hints and the chosen model\'s ranges', () => {
    const { container } = render(<SchemaForm schema={schema} value={{ model: 'fal-ai/flux/schnell' }} onChange={() => {}} errors={{}} />);
    const names = [...container.querySelectorAll('[name]')].map((e) => e.getAttribute('name'));
    expect(names).toEqual(['model', 'parameters.num_images', 'parameters.seed', 'parameters.negative_prompt']);
    expect(screen.getByText('Images')).toBeTruthy();
    expect(container.querySelector('textarea[name="parameters.negative_prompt"]')).toBeTruthy();
    expect(screen.getByTestId('range-parameters.num_images').textContent).toBe('1–4 for FLUX schnell');
    const input = container.querySelector('input[name="parameters.num_images"]')!;
    expect(input.getAttribute('max')).toBe('4');
    expect(screen.getByTestId('range-parameters.seed').textContent).toBe('≥ 0');
  });

  it('shows a field\'s error beside it and edits nested values', () => {
    const onChange = vi.fn();
    const { container } = render(<SchemaForm schema={schema} value={{ model: 'fal-ai/flux/schnell', parameters: { seed: 1 } }} onChange={onChange}
      errors={{ 'parameters.num_images': 'must be from 1 to 4 for FLUX schnell' }} />);
    expect(screen.getByRole('alert').textContent).toBe('must be from 1 to 4 for FLUX schnell');
    const input = container.querySelector('input[name="parameters.num_images"]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '3' } });
    expect(onChange).toHaveBeenCalledWith({ model: 'fal-ai/flux/schnell', parameters: { seed: 1, num_images: 3 } });
  });
});

describe('SchemaForm from the catalog', () => {
  afterEach(cleanup);

  const social = {
    type: 'object', required: ['subreddit'], 'x-order': ['sort', 'subreddit', 'platform'],
    properties: {
      platform: { type: 'string', title: 'Platform', enum: ['reddit'], default: 'reddit' },
      sort: { type: 'string', title: 'Sort', enum: ['hot', 'new'], 'x-enum-labels': { hot: 'Hot now' } },
      subreddit: { type: 'string', title: 'Subreddit', description: 'Without r/.' },
    },
  };

  it('puts required fields first, labels enum values, and states a single choice instead of offering it', () => {
    const { container } = render(<SchemaForm schema={social} value={{}} onChange={() => {}} errors={{}} />);
    expect([...container.querySelectorAll('[name]')].map((e) => e.getAttribute('name'))).toEqual(['subreddit', 'sort']);
    expect(container.querySelector('select[name="platform"]')).toBeNull();
    expect(screen.getByTestId('fixed-platform').textContent).toBe('Platformreddit');
    expect(screen.getByRole('option', { name: 'Hot now' })).toBeTruthy();
  });

  it('ties a field to its hint and marks it required for screen readers', () => {
    const { container } = render(<SchemaForm schema={social} value={{}} onChange={() => {}} errors={{}} />);
    const input = container.querySelector('input[name="subreddit"]')!;
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Without r/.');
  });

  it('titles a nested group from its schema and follows the unsaved model for ranges', () => {
    const schema = imageModelSpec.config_schema;
    const { rerender } = render(<SchemaForm schema={schema} value={{ model: 'fal-ai/flux/schnell' }} onChange={() => {}} errors={{}} />);
    expect(screen.getByText('Parameters').tagName).toBe('LEGEND');
    rerender(<SchemaForm schema={schema} value={{ model: 'fal-ai/flux/dev' }} onChange={() => {}} errors={{}} />);
    expect(screen.getByTestId('range-parameters.num_images').textContent).toBe('1–4 (1–2 with an image) for FLUX dev');
  });
});
