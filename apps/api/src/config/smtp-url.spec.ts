import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.schema';
import { parseSmtpUrl, redactSmtpUrl } from './smtp-url';

describe('parseSmtpUrl', () => {
  it('reads smtp:// as STARTTLS on 587 and smtps:// as TLS on 465', () => {
    expect(parseSmtpUrl('smtp://smtp.example.com')).toEqual({ host: 'smtp.example.com', port: 587, security: 'starttls' });
    expect(parseSmtpUrl('smtps://smtp.example.com')).toEqual({ host: 'smtp.example.com', port: 465, security: 'tls' });
    expect(parseSmtpUrl('smtp://mailer:s3cret@smtp.example.com:2525')).toEqual({
      host: 'smtp.example.com',
      port: 2525,
      security: 'starttls',
      username: 'mailer',
      password: 's3cret',
    });
  });

  it('decodes the user and password', () => {
    expect(parseSmtpUrl('smtps://alerts%40example.com:p%40ss%3Aword@smtp.example.com')).toMatchObject({
      username: 'alerts@example.com',
      password: 'p@ss:word',
    });
    expect(parseSmtpUrl('smtp://apikey@smtp.example.com')).toMatchObject({ username: 'apikey', password: '' });
  });

  it('takes security=none or starttls=false for a plain relay, and IPv6 hosts', () => {
    expect(parseSmtpUrl('smtp://127.0.0.1:2525?security=none')).toEqual({ host: '127.0.0.1', port: 2525, security: 'none' });
    expect(parseSmtpUrl('smtp://relay.internal?starttls=false')).toMatchObject({ security: 'none', port: 587 });
    expect(parseSmtpUrl('smtp://[::1]:25?security=none')).toMatchObject({ host: '::1', port: 25 });
  });

  it.each([
    ['not a url', /must be a URL/],
    ['https://smtp.example.com', /must start with smtp:\/\/ or smtps:\/\/ \(not https:\/\/\)/],
    ['smtp://smtp.example.com/path', /must not have a path/],
    ['smtp://smtp.example.com?security=maybe', /security must be tls, starttls or none \(not maybe\)/],
    ['smtp://smtp.example.com?starttls=no', /starttls must be true or false/],
    ['smtps://smtp.example.com?starttls=false', /starttls does not apply to smtps/],
    ['smtps://smtp.example.com?security=none', /smtps:\/\/ is always TLS/],
    ['smtp://smtp.example.com?tls=1', /unknown option tls/],
    ['smtp://:pw@smtp.example.com', /password without a user name/],
  ])('refuses %s', (url, message) => {
    expect(() => parseSmtpUrl(url)).toThrow(message);
  });

  it('hides the password when the URL is shown', () => {
    expect(redactSmtpUrl('smtp://u:secret@smtp.example.com:587')).toBe('smtp://u:***@smtp.example.com:587');
  });
});

describe('SMTP configuration', () => {
  it('is off by default, with the default sender', () => {
    const config = parseConfig({});
    expect(config.SWITCHYARD_SMTP_URL).toBeUndefined();
    expect(config.SWITCHYARD_SMTP_FROM).toBe('Switchyard <switchyard@localhost>');
  });

  it('names the variable of a bad setting', () => {
    expect(() => parseConfig({ SWITCHYARD_SMTP_URL: 'mail.example.com' })).toThrow(/SWITCHYARD_SMTP_URL: must be a URL/);
    expect(() => parseConfig({ SWITCHYARD_SMTP_URL: 'smtp://h?security=plain' })).toThrow(/SWITCHYARD_SMTP_URL: security must be/);
    expect(() => parseConfig({ SWITCHYARD_SMTP_FROM: 'Switchyard' })).toThrow(/SWITCHYARD_SMTP_FROM: must be an address or Name <address>/);
    expect(parseConfig({ SWITCHYARD_SMTP_FROM: 'ops@example.com' }).SWITCHYARD_SMTP_FROM).toBe('ops@example.com');
  });
});
