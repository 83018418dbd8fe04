import { cases } from '../support/ruleTester';

const HEAD = 'package p\n\nimport (\n\t"net/http"\n\t"time"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'test support calls a test server on this machine (prometheus testutil)',
      code: 'package testutil\n\nimport "net/http"\n\nfunc scrape(url string) (*http.Response, error) {\n\treturn http.Get(url)\n}\n',
    },
    {
      name: 'a generator program built only with its own tag (rivo/uniseg: //go:build generate)',
      code: '//go:build generate\n\npackage main\n\nimport "net/http"\n\nfunc main() {\n\tres, err := http.Get("https://www.unicode.org/Public/x.txt")\n\t_, _ = res, err\n}\n',
    },
    {
      name: 'a generator program that no build includes (//go:build ignore, run with go run)',
      code: '//go:build ignore\n\n' + HEAD.replace('\t"time"\n', '') + 'func main() {\n\tresp, err := http.Get("https://www.iana.org/assignments/x.xml")\n\t_, _ = resp, err\n}\n',
    },
    {
      name: 'a client of its own with a timeout',
      code: HEAD + 'var client = &http.Client{Timeout: 10 * time.Second}\n\nfunc f(u string) (*http.Response, error) {\n\treturn client.Get(u)\n}\n',
    },
    {
      name: 'setting a timeout on the default client',
      code: HEAD + 'func init() {\n\thttp.DefaultClient.Timeout = 10 * time.Second\n}\n',
    },
    {
      name: 'replacing the default client',
      code: HEAD + 'func init() {\n\thttp.DefaultClient = &http.Client{Timeout: time.Minute}\n}\n',
    },
    {
      name: 'Get of another package named http',
      code: 'package p\n\nimport http "example.com/fake"\n\nfunc f(u string) {\n\thttp.Get(u)\n\t_ = http.DefaultClient\n}\n',
    },
    {
      name: 'http.Get as a value is not a call',
      code: HEAD + 'var fetch = http.Get\n',
    },
    {
      name: 'other functions of net/http',
      code: HEAD + 'func f() {\n\thttp.Handle("/", http.NotFoundHandler())\n}\n',
    },
  ],
  invalid: [
    {
      name: 'calls of http.Get',
      code: HEAD + 'func f(u string) (*http.Response, error) {\n\treturn «http.Get»(u)\n}\n',
      messages: ['http.Get uses http.DefaultClient'],
    },
    {
      name: 'calls of http.Head, http.Post, http.PostForm',
      code: HEAD + 'func f(u string) {\n\t«http.Head»(u)\n\t«http.Post»(u, "text/plain", nil)\n\t«http.PostForm»(u, nil)\n}\n',
    },
    {
      name: 'a call on http.DefaultClient',
      code: HEAD + 'func f(req *http.Request) (*http.Response, error) {\n\treturn «http.DefaultClient».Do(req)\n}\n',
      messages: ['http.DefaultClient has no timeout'],
    },
    {
      name: 'http.DefaultClient as a value',
      code: HEAD + 'type API struct{ c *http.Client }\n\nvar api = API{c: «http.DefaultClient»}\n',
    },
    {
      name: 'net/http imported under another name',
      code: 'package p\n\nimport nethttp "net/http"\n\nfunc f(u string) {\n\t«nethttp.Get»(u)\n}\n',
    },
  ],
});
