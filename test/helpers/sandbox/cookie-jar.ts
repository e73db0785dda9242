/** Just enough of a browser's cookie store: host, name, value, path, expiry (cookies are kept per host, as browsers do; ports do not count). */
export class CookieJar {
  private readonly cookies = new Map<string, { host: string; name: string; value: string; path: string; expires: number }>();

  store(url: URL, setCookieHeaders: string[]): void {
    for (const header of setCookieHeaders) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expires = Number.POSITIVE_INFINITY;
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = val;
        if (key.toLowerCase() === 'max-age') expires = Date.now() + Number(val) * 1000;
        if (key.toLowerCase() === 'expires' && expires === Number.POSITIVE_INFINITY) expires = Date.parse(val);
      }
      const key = `${url.hostname} ${name} ${path}`;
      if (expires <= Date.now()) this.cookies.delete(key);
      else this.cookies.set(key, { host: url.hostname, name, value, path, expires });
    }
  }

  headerFor(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => c.host === url.hostname && c.expires > Date.now() && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}
