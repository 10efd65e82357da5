#!/usr/bin/env node
// Launcher: keep this file tiny so `telaah --help` stays fast.
import { run } from '../dist/cli/bin.js';

run();
