import { urlParts, setUrl } from '../../../src/ecs/url.js';
import { domainParts, setRegisteredDomain } from '../../../src/ecs/domain.js';

describe('urlParts (as uri_parts reads a URL)', () => {
  test('every part of a full URL; username and password only with a colon', () => {
    expect(urlParts('https://user:pw@testing.example.com:8080/foo/bar.txt?foo1=bar1&foo2=bar2#anchorVal')).toEqual({
      scheme: 'https', domain: 'testing.example.com', port: 8080, path: '/foo/bar.txt', extension: 'txt',
      query: 'foo1=bar1&foo2=bar2', fragment: 'anchorVal', user_info: 'user:pw', username: 'user', password: 'pw',
    });
    expect(urlParts('ftp://anonymous@files.example.org/pub/')).toEqual({ scheme: 'ftp', domain: 'files.example.org', path: '/pub/', user_info: 'anonymous' });
  });

  test('the extension comes from the last segment only', () => {
    expect(urlParts('http://a.example/v1.2/run')!.extension).toBeUndefined();
    expect(urlParts('http://a.example/v1.2/run.tar.gz')!.extension).toBe('gz');
    expect(urlParts('http://a.example')!.path).toBe('');
  });

  test('a strict URI is percent-decoded; a lenient one (spaces, a bare %) is kept as written', () => {
    expect(urlParts('http://h.example/a%20b?q=%C3%A9#f%21')).toMatchObject({ path: '/a b', query: 'q=é', fragment: 'f!' });
    expect(urlParts('http://h.example/a b?q=100%')).toMatchObject({ domain: 'h.example', path: '/a b', query: 'q=100%' });
    // java.net.URL knows only a few schemes
    expect(urlParts('foo://h.example/a b')).toBeNull();
  });

  test('IPv6 hosts keep their brackets; relative references have no domain; opaque URIs only a scheme', () => {
    expect(urlParts('http://[2001:db8::1]:8443/x')).toMatchObject({ domain: '[2001:db8::1]', port: 8443, path: '/x' });
    expect(urlParts('/index.php?id=1')).toEqual({ path: '/index.php', extension: 'php', query: 'id=1' });
    expect(urlParts('www.example.com:443')).toEqual({ scheme: 'www.example.com' });
    expect(urlParts('mailto:a@b.example')).toEqual({ scheme: 'mailto' });
  });

  test('a host URI refuses (registry-based authority) gives no domain, port or user', () => {
    expect(urlParts('http://my_host.example:80/p')).toEqual({ scheme: 'http', path: '/p' });
  });

  test('never throws on hostile text', () => {
    for (const s of ['', '%', 'http://', 'http://[', 'http://a:99999999999/', '::::', 'http://h/%zz', '\u0000', 'x'.repeat(70_000), 'http://h/[x]']) {
      expect(() => urlParts(s)).not.toThrow();
    }
  });

  test('setUrl writes the parts and the original, leaving out an empty path', () => {
    const url: Record<string, unknown> = {};
    expect(setUrl(url, 'https://www.example.com')).toBe(true);
    expect(url).toEqual({ original: 'https://www.example.com', scheme: 'https', domain: 'www.example.com' });
    const bad: Record<string, unknown> = {};
    expect(setUrl(bad, 'not a url')).toBe(false);
    expect(bad).toEqual({ original: 'not a url' });
  });
});

describe('registered domain (public suffix list)', () => {
  test('multi-label suffixes, subdomains, a trailing dot', () => {
    expect(domainParts('www.bbc.co.uk')).toEqual({ domain: 'www.bbc.co.uk', registered_domain: 'bbc.co.uk', top_level_domain: 'co.uk', subdomain: 'www' });
    expect(domainParts('Example.COM.')).toEqual({ domain: 'example.com', registered_domain: 'example.com', top_level_domain: 'com' });
    expect(domainParts('a.b.c.example.com.au')).toMatchObject({ registered_domain: 'example.com.au', subdomain: 'a.b.c' });
  });

  test('a private-section suffix counts as a name under its ICANN parent', () => {
    expect(domainParts('foo.blogspot.com')).toMatchObject({ registered_domain: 'blogspot.com', top_level_domain: 'com', subdomain: 'foo' });
  });

  test('nothing for addresses, single labels and unknown suffixes', () => {
    for (const n of ['10.0.0.1', 'localhost', 'printer.local', '', 'com', '2001:db8::1']) expect(domainParts(n)).toBeNull();
  });

  test('setRegisteredDomain', () => {
    const q: Record<string, unknown> = { name: 'mail.example.org' };
    expect(setRegisteredDomain(q, 'mail.example.org')).toBe(true);
    expect(q).toEqual({ name: 'mail.example.org', registered_domain: 'example.org', top_level_domain: 'org', subdomain: 'mail' });
  });
});
