import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM002', {
  fires: [
    { text: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n', token: 'version', message: '3.8' },
    { text: "# app\nversion: '2.4'\n\nservices:\n  db:\n    image: postgres:17\n", token: 'version' },
    { text: 'services:\n  web:\n    image: nginx:1.27\nversion: "3"\n', token: 'version' },
    { text: '---\nversion: "3.9"\nservices: {}\n', token: 'version' },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n',
    'services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "3.8"\n',
    'x-version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
    'services:\n  version:\n    image: nginx:1.27\n',
  ],
  fixes: [
    { before: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n', after: 'services:\n  web:\n    image: nginx:1.27\n' },
    { before: "# app\r\nversion: '2.4'\r\nservices:\r\n  db:\r\n    image: postgres:17\r\n", after: '# app\r\nservices:\r\n  db:\r\n    image: postgres:17\r\n' },
    { before: 'services:\n  web:\n    image: nginx:1.27\nversion: "3"', after: 'services:\n  web:\n    image: nginx:1.27\n' },
  ],
});
