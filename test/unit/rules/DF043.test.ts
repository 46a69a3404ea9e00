import { ruleTests } from '../helpers';

ruleTests('DF043', {
  fires: [
    { text: 'FROM alpine\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n', token: '$APP_HOME', message: 'same ENV' },
    { text: 'FROM alpine\nENV PATH=/a:${PATH} PATH=/b:${PATH}\n', token: '${PATH}', count: 1 },
    { text: 'FROM alpine\nENV GOPATH=/go \\\n    PATH="${GOPATH}/bin:$PATH"\n', token: '${GOPATH}' },
  ],
  silent: [
    'FROM alpine\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n',
    'FROM alpine\nENV PATH=/bla:${PATH}\n',
    "FROM alpine\nENV BLA=blubb BLUBB=$BLAFOO/x C='$BLA'\n",
  ],
  fixes: [
    { before: 'FROM alpine\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n', after: 'FROM alpine\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n' },
    {
      before: 'FROM alpine\r\n  ENV GOPATH=/go \\\r\n    PATH="${GOPATH}/bin:$PATH"\r\n',
      after: 'FROM alpine\r\n  ENV GOPATH=/go\r\n  ENV PATH="${GOPATH}/bin:$PATH"\r\n',
    },
    { before: 'FROM alpine\nONBUILD ENV A=1 B=$A\n', after: 'FROM alpine\nONBUILD ENV A=1\nONBUILD ENV B=$A\n' },
  ],
});
