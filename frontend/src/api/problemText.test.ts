import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { asClause, fieldProblem, plain, problemText, UNREACHABLE } from './problemText';

describe('problems told for people', () => {
  it('says the server cannot be reached when the request never got there', () => {
    expect(problemText(new TypeError('Failed to fetch'))).toBe(UNREACHABLE);
    expect(problemText(new ApiError('Bad Gateway', 502))).toBe(UNREACHABLE);
  });

  it('names the field and says what it must be, in words', () => {
    const long = new ApiError('validation failed', 422, [{ location: 'body.name', message: 'expected length <= 200', value: 'x' }]);
    expect(problemText(long, { name: 'The name' })).toBe('The name is too long: use at most 200 characters.');
    const budget = new ApiError('validation failed', 422, [{ location: 'body.monthly_usd', message: 'expected number <= 1e+06' }]);
    expect(problemText(budget, { monthly_usd: 'The budget' })).toBe('The budget must be at most 1,000,000.');
    expect(problemText(budget)).toBe('The monthly usd must be at most 1,000,000.');
  });

  it('keeps a server\'s own words, as a sentence', () => {
    expect(problemText(new ApiError('a run of this workflow is still going: cancel it first', 409))).toBe('A run of this workflow is still going: cancel it first.');
  });

  it('cuts the log-like tail off a message', () => {
    expect(plain('the file is not a TTF or OTF font: unknown font format tag [110 111 116 32]')).toBe('the file is not a TTF or OTF font');
    expect(fieldProblem('the file is not a TTF or OTF font: unknown font format tag [110 111 116 32]')).toBe('the file is not a TTF or OTF font');
    expect(plain('fal: the prompt was refused (HTTP 422)')).toBe('the prompt was refused');
  });

  it('says which service cannot be reached rather than how the connection failed', () => {
    expect(plain('fal: dial tcp 127.0.0.1:9: connect: connection refused (HTTP 0)')).toBe('The image service (FAL) cannot be reached just now; try again later');
    expect(plain('dial tcp: lookup example.invalid: no such host')).toBe('A service this needs cannot be reached just now; try again later');
  });

  it('writes the validator\'s other messages in words', () => {
    expect(fieldProblem('expected length >= 1')).toBe('cannot be empty');
    expect(fieldProblem('expected number >= 0')).toBe('must be at least 0');
    expect(fieldProblem('expected value to be one of "a, b"')).toBe('must be one of a, b');
    expect(fieldProblem('unexpected property')).toBe('is not accepted here');
  });

  it('lets a sentence follow a colon, keeping the capital of a name', () => {
    expect(asClause('The server cannot be reached.')).toBe('the server cannot be reached.');
    expect(asClause('RAPIDAPI_KEY is not set.')).toBe('RAPIDAPI_KEY is not set.');
    expect(asClause('FAL refused it.')).toBe('FAL refused it.');
  });
});
