import { cases } from '../support/ruleTester';

const HEAD = 'package p\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'closed with defer after the error check',
      code: HEAD + 'func f(u string) error {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer resp.Body.Close()\n\treturn json.NewDecoder(resp.Body).Decode(nil)\n}\n',
    },
    {
      name: 'closed inside a function literal',
      code: HEAD + 'func f(c *http.Client, req *http.Request) {\n\tresp, err := c.Do(req)\n\tif err != nil {\n\t\treturn\n\t}\n\tdefer func() {\n\t\t_ = resp.Body.Close()\n\t}()\n\t_ = json.NewDecoder(resp.Body).Decode(nil)\n}\n',
    },
    {
      name: 'closed without defer',
      code: HEAD + 'func f(u string) int {\n\tresp, err := http.Head(u)\n\tif err != nil {\n\t\treturn 0\n\t}\n\tresp.Body.Close()\n\treturn resp.StatusCode\n}\n',
    },
    {
      name: 'the body handed to a deferred helper',
      code: HEAD + 'func f(u string) {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn\n\t}\n\tdefer drain(resp.Body)\n}\n',
    },
    {
      name: 'assigned inside a function literal, closed by the enclosing function',
      code: HEAD + 'func f(c *http.Client, req *http.Request) error {\n\tvar resp *http.Response\n\terr := retry(func() error {\n\t\tvar err error\n\t\tresp, err = c.Do(req)\n\t\treturn err\n\t})\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer resp.Body.Close()\n\treturn nil\n}\n',
    },
    {
      name: 'RESP is returned',
      code: HEAD + 'func f(u string) (*http.Response, error) {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn resp, nil\n}\n',
    },
    {
      name: 'RESP is a named result, returned by a bare return',
      code: HEAD + 'func f(u string) (resp *http.Response, err error) {\n\tif resp, err = http.Get(u); err != nil {\n\t\treturn\n\t}\n\tif resp.StatusCode != http.StatusOK {\n\t\terr = errStatus\n\t}\n\treturn\n}\n',
    },
    {
      name: 'RESP.Body is returned',
      code: HEAD + 'func f(u string) (interface{}, error) {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn resp.Body, nil\n}\n',
    },
    {
      name: 'RESP is passed as an argument',
      code: HEAD + 'func f(u string) error {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn handle(resp)\n}\n',
    },
    {
      name: 'RESP is stored in a field',
      code: HEAD + 'func (s *S) f(u string) {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn\n\t}\n\ts.resp = resp\n}\n',
    },
    {
      name: 'RESP is stored in a map',
      code: HEAD + 'func f(m map[string]*http.Response, u string) {\n\tresp, _ := http.Get(u)\n\tm[u] = resp\n}\n',
    },
    {
      name: 'RESP is stored in a slice',
      code: HEAD + 'func f(all []*http.Response, u string) []*http.Response {\n\tresp, _ := http.Get(u)\n\tall = append(all, resp)\n\treturn all\n}\n',
    },
    {
      name: 'RESP is stored in a composite literal',
      code: HEAD + 'func f(u string) result {\n\tresp, err := http.Get(u)\n\treturn result{resp: resp, err: err}\n}\n',
    },
    {
      name: 'RESP is sent on a channel',
      code: HEAD + 'func f(ch chan *http.Response, u string) {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn\n\t}\n\tch <- resp\n}\n',
    },
    {
      name: 'X.Do with two arguments is not an HTTP request',
      code: HEAD + 'func f(c *redis.Client) {\n\tv, err := c.Do("GET", "k")\n\t_, _ = v, err\n}\n',
    },
    {
      name: 'X.Get on a receiver whose name does not say client',
      code: HEAD + 'func f(cache *Cache) {\n\tv, err := cache.Get("k")\n\t_, _ = v, err\n}\n',
    },
    {
      name: 'a client call whose result has members an http.Response lacks',
      code: HEAD + 'func f(client *rpc.Client, req Req) error {\n\tres, err := client.Do(req)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn use(res.Payload)\n}\n',
    },
    {
      name: 'http.Get of another package named http',
      code: 'package p\n\nimport http "example.com/fake"\n\nfunc f(u string) {\n\tresp, _ := http.Get(u)\n\t_ = resp.StatusCode\n}\n',
    },
  ],
  invalid: [
    {
      name: 'RESP, err := http.Get(...) never closed; fix after the error check',
      code: HEAD + 'func f(u string, v any) error {\n\tresp, err := «http.Get(u)»\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn json.NewDecoder(resp.Body).Decode(v)\n}\n',
      messages: ['resp.Body is never closed'],
      output: HEAD + 'func f(u string, v any) error {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer resp.Body.Close()\n\treturn json.NewDecoder(resp.Body).Decode(v)\n}\n',
    },
    {
      name: 'RESP, err = http.Post(...) with =',
      code: HEAD + 'func f(u string) (int, error) {\n\tvar resp *http.Response\n\tvar err error\n\tresp, err = «http.Post(u, "text/plain", nil)»\n\tif err != nil {\n\t\treturn 0, err\n\t} // posted\n\treturn resp.StatusCode, nil\n}\n',
      output: HEAD + 'func f(u string) (int, error) {\n\tvar resp *http.Response\n\tvar err error\n\tresp, err = http.Post(u, "text/plain", nil)\n\tif err != nil {\n\t\treturn 0, err\n\t} // posted\n\tdefer resp.Body.Close()\n\treturn resp.StatusCode, nil\n}\n',
    },
    {
      name: 'http.Head and http.PostForm',
      code: HEAD + 'func f(u string) {\n\ta, _ := «http.Head(u)»\n\tb, _ := «http.PostForm(u, nil)»\n\tprintln(a.StatusCode, b.StatusCode)\n}\n',
      output: HEAD + 'func f(u string) {\n\ta, _ := http.Head(u)\n\tdefer a.Body.Close()\n\tb, _ := http.PostForm(u, nil)\n\tdefer b.Body.Close()\n\tprintln(a.StatusCode, b.StatusCode)\n}\n',
    },
    {
      name: 'any X.Do(req) with one argument',
      code: HEAD + 'func f(c *http.Client, req *http.Request) error {\n\tres, err := «c.Do(req)»\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn check(res.StatusCode)\n}\n',
      output: HEAD + 'func f(c *http.Client, req *http.Request) error {\n\tres, err := c.Do(req)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer res.Body.Close()\n\treturn check(res.StatusCode)\n}\n',
    },
    {
      name: 'X.Get on http.DefaultClient',
      code: HEAD + 'func f(u string) error {\n\tresp, err := «http.DefaultClient.Get(u)»\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn check(resp.StatusCode)\n}\n',
    },
    {
      name: 'X.Post on an identifier whose name contains client',
      code: HEAD + 'func f(httpClient *http.Client, u string) {\n\tresp, err := «httpClient.Post(u, "", nil)»\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tprintln(resp.Status)\n}\n',
      output: HEAD + 'func f(httpClient *http.Client, u string) {\n\tresp, err := httpClient.Post(u, "", nil)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tdefer resp.Body.Close()\n\tprintln(resp.Status)\n}\n',
    },
    {
      name: 'X.Get on a field whose name contains Client',
      code: HEAD + 'func (s *S) f(u string) error {\n\tresp, err := «s.APIClient.Get(u)»\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn json.NewDecoder(resp.Body).Decode(nil)\n}\n',
    },
    {
      name: 'reading the body is not closing it',
      code: HEAD + 'func f(u string) ([]byte, error) {\n\tresp, err := «http.Get(u)»\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn io.ReadAll(resp.Body)\n}\n',
    },
    {
      name: 'no fix when the error check does not leave the function',
      code: HEAD + 'func f(u string) {\n\tresp, err := «http.Get(u)»\n\tif err != nil {\n\t\tprintln(err)\n\t}\n\tprintln(resp.Status)\n}\n',
      output: null,
    },
    {
      name: 'no fix inside a loop',
      code: HEAD + 'func f(urls []string) {\n\tfor _, u := range urls {\n\t\tresp, err := «http.Get(u)»\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n\t\tprintln(resp.Status)\n\t}\n}\n',
      output: null,
    },
    {
      name: 'no fix when a function literal assigns a variable of the enclosing function',
      code: HEAD + 'func f(c *http.Client, req *http.Request) (status int) {\n\tvar resp *http.Response\n\tdo(func() {\n\t\tvar err error\n\t\tresp, err = «c.Do(req)»\n\t\tif err != nil {\n\t\t\treturn\n\t\t}\n\t})\n\treturn resp.StatusCode\n}\n',
      output: null,
    },
    {
      name: 'no fix when the response is declared in an if header',
      code: HEAD + 'func f(u string) {\n\tif resp, err := «http.Get(u)»; err == nil {\n\t\tprintln(resp.Status)\n\t}\n}\n',
      output: null,
    },
  ],
});
