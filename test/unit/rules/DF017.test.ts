import { ruleTests } from '../helpers';

ruleTests('DF017', {
  fires: [
    { text: "FROM node:22\nCMD ['node', 'server.js']\n", token: "['node', 'server.js']", message: 'single quotes' },
    { text: "FROM nginx:1.27\nENTRYPOINT ['/docker-entrypoint.sh']\n", token: "['/docker-entrypoint.sh']" },
    { text: "FROM debian:12\nRUN ['apt-get', \"update\"]\n", token: "['apt-get', \"update\"]" },
    { text: "FROM nginx:1.27\nHEALTHCHECK --interval=5s CMD ['curl', '-f', 'http://localhost/']\n", token: "['curl', '-f', 'http://localhost/']" },
    { text: "FROM alpine:3.20\nCOPY ['a b.txt', '/dst/']\n", token: "['a b.txt', '/dst/']" },
  ],
  silent: [
    'FROM node:22\nCMD ["node", "server.js"]\n',
    "FROM debian:12\nRUN [ \"$A\" = 'x' ] && echo ok\nRUN [ 'a' = 'b' ]\n",
    "FROM debian:12\nCMD echo '[x]'\n",
    "FROM debian:12\nSHELL ['/bin/sh', '-c']\n",
  ],
  fixes: [
    { before: "FROM node:22\nCMD ['node', 'server.js']\n", after: 'FROM node:22\nCMD ["node", "server.js"]\n' },
    {
      before: "FROM alpine:3.20\nENTRYPOINT ['sh', '-c', 'echo \"hi\"']\n",
      after: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "echo \\"hi\\""]\n',
    },
    {
      before: "FROM alpine:3.20\r\nCMD ['python', \\\r\n     'app.py']\r\n",
      after: 'FROM alpine:3.20\r\nCMD ["python", \\\r\n     "app.py"]\r\n',
    },
  ],
});
