import { cases } from '../support/ruleTester';

const HEAD = 'package p\n\nimport "fmt"\n\n';

export default cases({
  valid: [
    { name: 'concatenations of literals only', code: HEAD + 'const base = "https://api.example.com" + "/v1" + ("/users")\n' },
    { name: 'a + chain that does not start with a URL literal', code: HEAD + 'func f(base, id string) string {\n\treturn base + "/users/" + id\n}\n' },
    { name: 'Sprintf without a verb', code: HEAD + 'var u = fmt.Sprintf("https://api.example.com/100%%")\n' },
    { name: 'Sprintf whose format is not a URL', code: HEAD + 'func f(id string) string {\n\treturn fmt.Sprintf("user %s", id)\n}\n' },
    { name: 'Sprintf of another package', code: 'package p\n\nimport fmt "example.com/myfmt"\n\nfunc f(id string) string {\n\treturn fmt.Sprintf("http://x/%s", id)\n}\n' },
    {
      name: 'operands that are already escaped (url.QueryEscape, url.PathEscape, Values.Encode)',
      code: 'package p\n\nimport "net/url"\n\nfunc f(body, name string, q url.Values) string {\n\treturn "https://github.com/x/issues/new?body=" + url.QueryEscape(body) + "&name=" + url.PathEscape(name) + "&" + q.Encode()\n}\n',
    },
    {
      name: 'a scheme put in front of a whole address',
      code: HEAD + 'func f(ln Listener, raw string) (string, string) {\n\traw = "https://" + raw\n\treturn "http://" + ln.Addr().String(), fmt.Sprintf("http://%s", raw)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a + chain starting with an http:// literal and a non-literal operand',
      code: HEAD + 'func f(id string) string {\n\treturn «"http://user-service/users/" + id + "/orders"»\n}\n',
      messages: ['URL built with +'],
    },
    {
      name: 'https:// and a parenthesised operand',
      code: HEAD + 'func f(host, q string) string {\n\treturn «`https://` + host + ("/search?q=" + q)»\n}\n',
    },
    {
      name: 'a host operand followed by a path',
      code: HEAD + 'func f(host, id string) string {\n\treturn «"http://" + host + "/users/" + id»\n}\n',
    },
    {
      name: 'fmt.Sprintf with a URL format and %s',
      code: HEAD + 'func f(host, q string) string {\n\treturn «fmt.Sprintf("https://%s/search?q=%s", host, q)»\n}\n',
      messages: ['fmt.Sprintf'],
    },
    {
      name: 'fmt.Sprintf with %v and %d',
      code: HEAD + 'func f(id int, page any) (string, string) {\n\treturn «fmt.Sprintf("http://api.example.com/users/%d", id)», «fmt.Sprintf("http://api.example.com/?page=%-4v", page)»\n}\n',
    },
  ],
});
