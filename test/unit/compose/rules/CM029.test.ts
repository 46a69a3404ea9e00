import { composeRuleTests } from '../ruleHelpers';

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
const svc = 'services:\n  web:\n    image: nginx:1.27\n';

composeRuleTests('CM029', {
  fires: [
    { text: `${svc}networks:\n  proxy:\n    external:\n      name: traefik_proxy\n`, token: 'name', message: 'network "proxy": external.name is deprecated: write name: traefik_proxy' },
    { text: `${svc}volumes:\n  data:\n    external: { name: "pgdata" }\n`, token: 'name', message: 'volume "data"' },
    { text: `${svc}secrets:\n  db_password:\n    external:\n      name: prod_db_password\n`, token: 'name' },
    { text: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - db:database\n  db:\n    image: postgres:17\n', token: 'links', message: 'service "web": links is a legacy option' },
  ],
  silent: [
    `${svc}networks:\n  proxy:\n    name: traefik_proxy\n    external: true\n`,
    `${svc}volumes:\n  data:\n    external: true\n  cache: {}\n`,
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    networks:\n      default:\n        aliases: [links]\n  db:\n    image: postgres:17\n',
    `${svc}networks:\n  proxy:\n    name: external\n    labels:\n      external: name\n`,
  ],
  fixes: [
    {
      before: `${svc}networks:\n  proxy:\n    external:\n      name: traefik_proxy\n`,
      after: `${svc}networks:\n  proxy:\n    name: traefik_proxy\n    external: true\n`,
    },
    {
      before: crlf(`${svc}volumes:\n  data:\n    external: { name: "pgdata" } # created by the db role\n`),
      after: crlf(`${svc}volumes:\n  data:\n    name: "pgdata"\n    external: true # created by the db role\n`),
    },
    { before: `${svc}networks:\n  proxy: { external: { name: edge } }\n`, after: `${svc}networks:\n  proxy: { name: edge, external: true }\n` },
    {
      before: `${svc}networks:\n  proxy:\n    name: edge\n    external:\n      name: edge\n`,
      after: `${svc}networks:\n  proxy:\n    name: edge\n    external: true\n`,
    },
  ],
});
