import { ruleTests } from '../helpers';

ruleTests('DF126', {
  fires: [
    {
      text: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app ./cmd/app\nCMD ["app"]\n',
      token: 'golang:1.22',
      message: 'Final stage runs on the golang:1.22 toolchain image and compiles ("go build")',
    },
    {
      text: 'FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /app\nCOPY . .\nRUN mvn -B package -DskipTests\nFROM build\nCMD ["java", "-jar", "target/app.jar"]\n',
      token: 'build',
      message: '"mvn package"',
    },
    {
      text: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake\nCOPY . /src\nRUN cmake -S /src -B /build && cmake --build /build\nCMD ["/build/app"]\n',
      token: 'build-essential',
    },
    { text: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n', token: 'node:20', message: '"npm run build"' },
    { text: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n', token: 'mcr.microsoft.com/dotnet/sdk:8.0' },
    { text: 'FROM rust:1.80\nWORKDIR /usr/src/app\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/app"]\n', token: 'rust:1.80', count: 1 },
  ],
  silent: [
    'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    'FROM golang:1.22\nRUN go install github.com/golangci/golangci-lint/cmd/golangci-lint@v1.59.1\nENTRYPOINT ["golangci-lint"]\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make musl-dev \\\n && make -C /src install \\\n && apk del .build-deps\n',
    'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n',
    'FROM eclipse-temurin:21-jdk\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
    { text: 'FROM golang:1.22\nCOPY . .\nRUN go build ./...\n', opts: { filePath: '/repo/Dockerfile.dev' } },
    'FROM golang:1.22 AS base\nRUN go build ./...\nFROM base AS dev\nCMD ["air"]\n',
  ],
});
