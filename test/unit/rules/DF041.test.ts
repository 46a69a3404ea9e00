import { ruleTests } from '../helpers';

ruleTests('DF041', {
  fires: [
    { text: 'FROM node:${NODE_VERSION}-alpine\nRUN true\n', token: '${NODE_VERSION}', message: 'NODE_VERSION' },
    { text: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERISON}-slim\n', token: '${PYTHON_VERISON}', message: 'did you mean PYTHON_VERSION' },
    { text: 'FROM alpine AS base\nARG TAG=3.20\nFROM alpine:$TAG\n', token: '$TAG', message: 'inside a stage' },
    { text: 'FROM --platform=$BUILD_PLATFORM golang:1.23\n', token: '$BUILD_PLATFORM', message: 'BUILDPLATFORM' },
  ],
  silent: [
    'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\n',
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM --platform=${TARGETPLATFORM} alpine\n',
    'ARG BASE\nFROM ${BASE}\nFROM $BASE AS two\n',
    'FROM mcr.microsoft.com/devcontainers/cpp:${templateOption:imageVariant}\n',
  ],
  fixes: [
    {
      before: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERISON}-slim\n',
      after: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n',
    },
    {
      before: '# syntax=docker/dockerfile:1\nFROM alpine AS base\nARG TAG=3.20\nFROM alpine:$TAG\n',
      after: '# syntax=docker/dockerfile:1\nARG TAG=3.20\nFROM alpine AS base\nARG TAG=3.20\nFROM alpine:$TAG\n',
    },
    { before: 'FROM node:${NODE_VERSION}\r\n', after: 'ARG NODE_VERSION\r\nFROM node:${NODE_VERSION}\r\n' },
  ],
});
