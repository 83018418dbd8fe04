import { cases } from '../support/ruleTester';

const P = 'package p\n\n';

export default cases({
  valid: [
    {
      name: 'test-support packages point fakes at fake hosts (aws-sdk-go awstesting)',
      code: 'package awstesting\n\nvar endpoint = "http://endpoint"\n',
    },
    { name: 'localhost', code: P + 'var u = "http://localhost:8080/api"\n' },
    { name: '127.0.0.0/8', code: P + 'var a, b = "http://127.0.0.1:9000/", "127.1.2.3:6379"\n' },
    { name: '0.0.0.0', code: P + 'var a, b = "http://0.0.0.0:80", "0.0.0.0:8080"\n' },
    { name: '::1', code: P + 'var u = "http://[::1]:8080/"\n' },
    {
      name: 'the documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24',
      code: P + 'var a, b, c = "http://192.0.2.10/", "198.51.100.7:443", "redis://203.0.113.5:6379"\n',
    },
    {
      name: 'example.com/.example/.test/.invalid hosts',
      code: P + 'var a, b, c, d = "https://example.com/x", "http://api.example/", "http://svc.test:80", "grpc://x.invalid"\n',
    },
    { name: 'hosts with a dot', code: P + 'var u = "https://api.payments.internal/v1/charge"\n' },
    { name: 'comments', code: P + '// Calls http://user-service/users/ and 10.0.1.12:8080.\nvar x = 1\n' },
    { name: 'struct tags', code: P + 'type T struct {\n\tURL string `default:"http://user-service/users/"`\n}\n' },
    { name: '_test.go', fileName: 'client_test.go', code: P + 'var u = "http://user-service/users/"\n' },
    { name: 'a bare IPv4 address without a port', code: P + 'var ip = "10.0.0.1"\n' },
    { name: 'a scheme that is not a network service', code: P + 'var u = "file://storage/x"\n' },
    { name: 'a format string whose host is filled in', code: P + 'var f = "http://%s:%d/users"\n' },
    {
      name: 'link-local metadata endpoints, multicast and broadcast are the same everywhere',
      code: P + 'var a, b, c = "http://169.254.169.254/latest", "224.0.0.251:5353", "255.255.255.255:65535"\n',
    },
    { name: 'not an address: too many octets for IPv4', code: P + 'var v = "http://300.1.1.1/"\n' },
  ],
  invalid: [
    {
      name: 'a URL whose host is a single-label service name',
      code: P + 'const usersURL = «"http://user-service/users/"»\n',
      messages: ['the service name "user-service"'],
    },
    {
      name: 'redis://cache:6379',
      code: P + 'var addr = «"redis://cache:6379"»\n',
    },
    {
      name: 'a URL whose host is a non-loopback IPv4 address',
      code: P + 'var u = «`https://10.0.1.12:8443/v1`»\n',
      messages: ['the IP address 10.0.1.12'],
    },
    {
      name: 'every listed scheme',
      code: P + 'var all = []string{\n\t«"ws://hub/socket"»,\n\t«"wss://hub:443"»,\n\t«"grpc://orders:50051"»,\n\t«"postgres://app:secret@db:5432/app"»,\n\t«"postgresql://db/app"»,\n\t«"mysql://db:3306"»,\n\t«"mongodb://mongo:27017"»,\n\t«"amqp://guest:guest@rabbit:5672/"»,\n\t«"nats://nats:4222"»,\n\t«"kafka://broker:9092"»,\n}\n',
    },
    {
      name: 'a literal that is exactly a non-loopback IPv4:port',
      code: P + 'var backends = []string{«"10.0.1.12:8080"», «"10.0.1.13:8080"»}\n',
    },
  ],
});
