import { describe, expect, it } from 'vitest';
import { contractCheckMode, parseConfig, parseRole } from './config.schema';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.SWITCHYARD_DATA_DIR).toBe('./.switchyard');
    expect(config.SWITCHYARD_MAX_BODY_BYTES).toBe(10 * 1024 * 1024);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every invalid setting and the reason', () => {
    expect(() => parseConfig({ PORT: 'abc', DATABASE_URL: 'nope', LOG_LEVEL: 'loud' })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a postgres:\/\/ URL\n.*LOG_LEVEL/s,
    );
  });

  it('checks the automated-setup and cookie settings', () => {
    expect(parseConfig({}).SWITCHYARD_COOKIE_SECURE).toBe('auto');
    expect(() => parseConfig({ SWITCHYARD_OWNER_EMAIL: 'a@b.example' })).toThrow(
      /SWITCHYARD_OWNER_PASSWORD: SWITCHYARD_OWNER_EMAIL and SWITCHYARD_OWNER_PASSWORD go together/,
    );
    expect(() => parseConfig({ SWITCHYARD_OWNER_API_KEY: 'sy_short' })).toThrow(/SWITCHYARD_OWNER_API_KEY: must start with sy_/);
    expect(() => parseConfig({ SWITCHYARD_COOKIE_SECURE: 'yes' })).toThrow(/SWITCHYARD_COOKIE_SECURE/);
    const ok = parseConfig({
      SWITCHYARD_OWNER_EMAIL: 'a@b.example',
      SWITCHYARD_OWNER_PASSWORD: 'long enough pw',
      SWITCHYARD_OWNER_API_KEY: `sy_${'x'.repeat(40)}`,
    });
    expect(ok.SWITCHYARD_OWNER_EMAIL).toBe('a@b.example');
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });
});

describe('parseRole', () => {
  it('defaults to all and accepts api and worker', () => {
    expect(parseRole([])).toBe('all');
    expect(parseRole(['--role=worker'])).toBe('worker');
  });

  it('rejects an unknown role', () => {
    expect(() => parseRole(['--role=boss'])).toThrow(/expected all, api or worker/);
  });
});

describe('contractCheckMode', () => {
  it('checks answers outside production unless told, and does what it is told', () => {
    expect(contractCheckMode(parseConfig({}))).toBe('log');
    expect(contractCheckMode(parseConfig({ NODE_ENV: 'production' }))).toBe('off');
    expect(contractCheckMode(parseConfig({ NODE_ENV: 'production', SWITCHYARD_CONTRACT_CHECK: 'log' }))).toBe('log');
    expect(contractCheckMode(parseConfig({ SWITCHYARD_CONTRACT_CHECK: 'strict' }))).toBe('strict');
    expect(() => parseConfig({ SWITCHYARD_CONTRACT_CHECK: 'loud' })).toThrow(/SWITCHYARD_CONTRACT_CHECK/);
  });
});
