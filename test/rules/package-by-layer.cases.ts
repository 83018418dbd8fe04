import { cases } from '../support/ruleTester';

const names = ['controller', 'controllers', 'service', 'services', 'dao', 'daos', 'model', 'models', 'repository', 'repositories', 'dto', 'dtos', 'entity', 'entities'];

export default cases({
  valid: [
    { name: 'a package named for a domain', code: 'package order\n\ntype Order struct{}\n' },
    { name: 'names that only contain a layer word', code: 'package orderservice\n\ntype Order struct{}\n' },
    { name: 'test files are skipped by default', code: 'package models\n\nfunc TestX() {}\n', fileName: 'x_test.go' },
  ],
  invalid: names.map((name) => ({
    name: `the package clause of a package named ${name}`,
    code: `«package ${name}»\n\ntype T struct{}\n`,
    messages: [`Package ${name} groups code by technical layer`],
  })),
});
