import { ruleTests } from '../helpers';

ruleTests('DF088', {
  fires: [
    { text: 'FROM ubuntu\nRUN apt install python\n', token: 'apt', message: 'apt-get' },
    { text: 'FROM ubuntu:24.04\nRUN apt update && \\\n    apt -y install --no-install-recommends curl\n', count: 2 },
    { text: 'FROM ubuntu:24.04\nRUN sudo apt search nginx\n', token: 'apt', message: 'apt-cache' },
    { text: 'FROM ubuntu:24.04\nONBUILD RUN apt full-upgrade -y\n', token: 'apt' },
  ],
  silent: [
    'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\n',
    'FROM ubuntu:24.04\nRUN apt-cache policy curl && apt-mark hold curl\n',
    'FROM ubuntu:24.04\nRUN echo apt install x > /notes.txt\n',
  ],
  fixes: [
    { before: 'FROM ubuntu\nRUN apt install python\n', after: 'FROM ubuntu\nRUN apt-get install python\n' },
    {
      before: 'FROM ubuntu:24.04\r\nRUN apt update && \\\r\n    apt -y install curl\r\n',
      after: 'FROM ubuntu:24.04\r\nRUN apt-get update && \\\r\n    apt -y install curl\r\n',
      stillFires: true,
    },
    { before: 'FROM ubuntu:24.04\nRUN apt full-upgrade -y\n', after: 'FROM ubuntu:24.04\nRUN apt-get dist-upgrade -y\n' },
    { before: 'FROM ubuntu:24.04\nRUN sudo /usr/bin/apt remove -y vim\n', after: 'FROM ubuntu:24.04\nRUN sudo /usr/bin/apt-get remove -y vim\n' },
  ],
});
