const path = require('path');
const { src, dest, task } = require('gulp');

// tsc emits only JavaScript, so the node and credential icons are copied beside it.
function copyIcons() {
	const sources = [
		path.resolve('nodes', '**', '*.{png,svg}'),
		path.resolve('credentials', '**', '*.{png,svg}'),
	];
	return src(sources, { base: '.', encoding: false }).pipe(dest('dist'));
}

task('build:icons', copyIcons);
