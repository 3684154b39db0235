export const id = 709;
export const ids = [709];
export const modules = {

/***/ 709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RECENT_TAGS_MAX_PAGES: () => (/* binding */ RECENT_TAGS_MAX_PAGES),
  RECENT_TAGS_SHOWN: () => (/* binding */ RECENT_TAGS_SHOWN),
  resolveImage: () => (/* binding */ resolveImage)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/ecr.ts


/** One image by tag or digest; ECR raises ImageNotFoundException when there is none. */
async function describeImage(ecr, repository, imageId) {
    const what = `DescribeImages for ${imageId.imageDigest === undefined ? `tag '${imageId.imageTag ?? ''}'` : `digest '${imageId.imageDigest}'`} in ${describe(repository)}`;
    try {
        const out = await ecr.send(new dist_cjs.DescribeImagesCommand({ ...repository, imageIds: [imageId] }));
        const image = out.imageDetails?.[0];
        if (!image)
            throw new Error('the response had no imageDetails');
        return image;
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(what, error);
    }
}
const PAGE_SIZE = 1000; // the API's maximum
/** Tagged images of a repository, at most maxPages pages of them (a repository may hold many thousands). */
async function listTaggedImages(ecr, repository, maxPages) {
    const images = [];
    let nextToken;
    try {
        for (let page = 0; page < maxPages; page++) {
            const out = await ecr.send(new dist_cjs.DescribeImagesCommand({
                ...repository,
                filter: { tagStatus: 'TAGGED' },
                maxResults: PAGE_SIZE,
                ...(nextToken === undefined ? {} : { nextToken }),
            }));
            images.push(...(out.imageDetails ?? []));
            nextToken = out.nextToken;
            if (nextToken === undefined)
                return { images, complete: true };
        }
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeImages (tagged images) in ${describe(repository)}`, error);
    }
    return { images, complete: false };
}
async function describeRepository(ecr, repository) {
    try {
        const out = await ecr.send(new dist_cjs.DescribeRepositoriesCommand({
            registryId: repository.registryId,
            repositoryNames: [repository.repositoryName],
        }));
        const found = out.repositories?.[0];
        if (!found)
            throw new Error('the response had no repositories');
        return found;
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeRepositories for ${describe(repository)}`, error);
    }
}
function describe(repository) {
    return `repository '${repository.repositoryName}' of registry ${repository.registryId}`;
}

// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/duration.ts
var duration = __webpack_require__(2983);
// EXTERNAL MODULE: ./src/plan/image-ref.ts
var image_ref = __webpack_require__(8646);
// EXTERNAL MODULE: ./src/plan/image-source.ts
var image_source = __webpack_require__(5322);
// EXTERNAL MODULE: ./src/wait.ts
var src_wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/image.ts







/** How many tags a "tag not found" error suggests. */
const RECENT_TAGS_SHOWN = 10;
/** Pages of 1000 images read for those suggestions; a repository may hold far more. */
const RECENT_TAGS_MAX_PAGES = 5;
/** Resolves the one image every other mode of the step deploys: tag, digest, reference. */
async function resolveImage(options, deps) {
    const started = deps.now();
    const ref = (0,image_ref/* parseImageRef */.Q)(options.image);
    const given = (0,image_source/* chooseDigest */.wl)({ imageDigest: ref.digest, inputDigest: options.digest });
    const choice = (0,image_source/* chooseTag */.u6)({
        imageTag: ref.tag,
        inputTag: options.tag,
        gitRef: options.git.ref,
        gitSha: options.git.sha,
        hasDigest: given.digest !== undefined,
    });
    const repository = (0,image_source/* repositoryOf */._M)(ref);
    const ecr = (0,image_ref/* ecrRegistryOf */.Bv)(ref);
    const target = ecr?.kind === 'private'
        ? {
            client: deps.clients.ecr(ecr.region),
            id: { registryId: ecr.accountId, repositoryName: ref.repository },
            region: ecr.region,
            uri: repository,
        }
        : undefined;
    if (options.waitForImage && !target) {
        deps.log.warning(`'${names/* Input */.pd.waitForImage}' is ignored: '${repository}' is not in an ECR private registry, so whether the image is there cannot be checked.`);
    }
    const found = target
        ? await lookUp({ ...target, wait: options.waitForImage }, choice, given, options.git, deps)
        : unchecked(repository, choice, given, options.git, deps);
    const reference = (0,image_source/* deployReference */.h3)({ ref, tag: found.tag, digest: found.digest, pinDigest: options.pinDigest });
    if (options.pinDigest && found.digest === undefined) {
        deps.log.warning(`Image '${repository}' is not in an ECR private registry, so its digest cannot be looked up: it is deployed by tag as '${reference}', and a re-pushed tag would not roll out. To pin it, set input '${names/* Input */.pd.digest}' (or write @sha256:… in '${names/* Input */.pd.image}').`);
    }
    // Unpinned with a tag, deployments name the tag, which may move; by digest nothing can.
    const byTag = !options.pinDigest && found.tag !== undefined;
    const tagMutable = target && byTag ? await checkTagMutability(target, reference, deps) : undefined;
    deps.log.info(`Image: ${found.tag === undefined ? 'no tag' : `tag '${found.tag}' (${tagOrigin(found.tagSource, options.git)})`}, digest ${found.digest ?? 'unknown'}; deploying ${reference}`);
    return {
        reference,
        repository,
        ...(found.tag === undefined ? {} : { tag: found.tag, tagSource: found.tagSource }),
        ...(found.digest === undefined ? {} : { digest: found.digest }),
        ...(ecr === undefined ? {} : { ecr }),
        ...(found.pushedAt === undefined ? {} : { pushedAt: found.pushedAt }),
        ...(tagMutable === undefined ? {} : { tagMutable }),
        durationMs: deps.now() - started,
    };
}
/** ECR private: the tag gives the digest; a given digest is checked, and so is its tag. */
async function lookUp(target, choice, given, git, deps) {
    if (given.digest === undefined) {
        // chooseTag insists on a tag when no digest is given.
        const tag = choice.tag ?? '';
        const image = await findImage(target, { imageTag: tag }, `Tag '${tag}' (${tagOrigin(choice.source, git)})`, deps);
        if (!image.imageDigest) {
            throw new errors/* AwsCallError */.iQ(`DescribeImages for tag '${tag}' in '${target.uri}'`, 'the response had no imageDigest');
        }
        return { tag, tagSource: choice.source, digest: image.imageDigest, pushedAt: image.imagePushedAt };
    }
    const digest = given.digest;
    const image = await findImage(target, { imageDigest: digest }, `Digest '${digest}' (${digestOrigin(given)})`, deps);
    const found = { digest, pushedAt: image.imagePushedAt };
    if (choice.tag === undefined)
        return found;
    const tags = image.imageTags ?? [];
    if (tags.includes(choice.tag))
        return { ...found, tag: choice.tag, tagSource: choice.source };
    const carries = tags.length === 0 ? 'no tags' : `tags ${tags.map((t) => `'${t}'`).join(', ')}`;
    if (isExplicit(choice.source)) {
        throw new errors/* UserError */.yo(`Tag '${choice.tag}' (${tagOrigin(choice.source, git)}) and digest '${digest}' (${digestOrigin(given)}) name different images in '${target.uri}': ECR lists ${carries} for that digest. Give the tag and digest of one image, or only one of them.`);
    }
    deps.log.info(`Not reporting tag '${choice.tag}' (${tagOrigin(choice.source, git)}): digest '${digest}' carries ${carries} in ECR.`);
    return found;
}
/** Not ECR private: there is no generic registry API in the AWS SDK clients we carry (ECR Public has its own). */
function unchecked(repository, choice, given, git, deps) {
    if (given.digest !== undefined && choice.tag !== undefined && !isExplicit(choice.source)) {
        deps.log.info(`Not reporting tag '${choice.tag}' (${tagOrigin(choice.source, git)}): '${repository}' is not in an ECR private registry, so whether digest '${given.digest}' carries it cannot be checked.`);
        return { digest: given.digest };
    }
    return {
        ...(choice.tag === undefined ? {} : { tag: choice.tag, tagSource: choice.source }),
        ...(given.digest === undefined ? {} : { digest: given.digest }),
    };
}
/**
 * DescribeImages for one image, with not-found errors turned into what the user fixes. With
 * `wait-for-image`, a missing image (or a repository replication has not created yet) is
 * polled for until it appears or the time is up.
 */
async function findImage(target, imageId, what, deps) {
    const { wait } = target;
    if (wait === undefined)
        return describeOrExplain(target, imageId, what, deps);
    deps.log.info(`Waiting up to ${(0,duration/* formatDuration */.a)(wait.timeoutMs)} for ${what.charAt(0).toLowerCase()}${what.slice(1)} to be in '${target.uri}' (${target.region}).`);
    const started = deps.now();
    const image = await (0,src_wait/* waitFor */.fm)({
        what: `${what.charAt(0).toLowerCase()}${what.slice(1)} to appear in repository '${target.uri}' in region ${target.region} ('${names/* Input */.pd.waitForImage}')`,
        intervalMs: wait.intervalMs,
        timeoutMs: wait.timeoutMs,
        onProgress: (state) => deps.log.info(state),
        check: async () => {
            try {
                return { done: true, value: await describeImage(target.client, target.id, imageId) };
            }
            catch (error) {
                const name = (0,errors/* awsErrorName */.ZH)(error);
                if (name === 'ImageNotFoundException' || name === 'RepositoryNotFoundException') {
                    return {
                        done: false,
                        state: `not there yet (${name === 'ImageNotFoundException' ? 'no such image' : 'no such repository'})`,
                    };
                }
                throw error;
            }
        },
    }, deps);
    deps.log.info(`Found it after ${(0,duration/* formatDuration */.a)(deps.now() - started)}.`);
    return image;
}
async function describeOrExplain(target, imageId, what, deps) {
    try {
        return await describeImage(target.client, target.id, imageId);
    }
    catch (error) {
        switch ((0,errors/* awsErrorName */.ZH)(error)) {
            case 'RepositoryNotFoundException':
                throw new errors/* UserError */.yo(`Repository '${target.id.repositoryName}' was not found in account ${target.id.registryId} in region ${target.region} (image '${target.uri}'): check input '${names/* Input */.pd.image}', and that the repository exists there.`, { cause: error });
            case 'ImageNotFoundException':
                throw new errors/* UserError */.yo(`${what} was not found in repository '${target.uri}' in region ${target.region}. ${await suggestions(target, deps)}`, { cause: error });
            default:
                throw error;
        }
    }
}
/** The most recently pushed tags, so a typo or an unpushed image is obvious at a glance. */
async function suggestions(target, deps) {
    try {
        const listed = await listTaggedImages(target.client, target.id, RECENT_TAGS_MAX_PAGES);
        const tags = (0,image_source/* recentTags */.T0)(listed.images, RECENT_TAGS_SHOWN);
        if (tags.length === 0)
            return 'The repository has no tagged images: push the image before deploying.';
        const among = listed.complete ? '' : ` (among the first ${listed.images.length} images listed)`;
        return `Most recently pushed tags${among}: ${tags.join(', ')}. Push the image before deploying, or set input '${names/* Input */.pd.tag}' or '${names/* Input */.pd.digest}' to one that exists.`;
    }
    catch (error) {
        // The suggestions are a courtesy: the missing image is the error to report.
        deps.log.debug(`Could not list the tags of '${target.uri}': ${(0,errors/* messageOf */.bD)(error)}`);
        return 'Push the image before deploying, or check the tag or digest.';
    }
}
async function checkTagMutability(target, reference, deps) {
    let mutability;
    try {
        mutability = (await describeRepository(target.client, target.id)).imageTagMutability;
    }
    catch (error) {
        // Only a warning depends on it; a missing ecr:DescribeRepositories permission must not fail the deploy.
        deps.log.info(`Could not check whether tags in '${target.uri}' are immutable: ${(0,errors/* messageOf */.bD)(error)}`);
        return undefined;
    }
    // MUTABLE_WITH_EXCLUSION may or may not cover the tag: treat anything but IMMUTABLE as mutable.
    const mutable = mutability !== 'IMMUTABLE';
    if (mutable) {
        deps.log.warning(`Repository '${target.uri}' allows re-pushing tags (${mutability ?? 'MUTABLE'}) and '${names/* Input */.pd.pinDigest}' is false: deployments use '${reference}', so a re-pushed tag will not roll out a new revision (and restarted tasks may pull a different image). Set '${names/* Input */.pd.pinDigest}: true' to deploy by digest.`);
    }
    return mutable;
}
function isExplicit(source) {
    return source === 'image' || source === 'input';
}
function tagOrigin(source, git) {
    switch (source) {
        case 'image':
            return `from input '${names/* Input */.pd.image}'`;
        case 'input':
            return `from input '${names/* Input */.pd.tag}'`;
        case 'release-ref':
            return `from GITHUB_REF '${git.ref ?? ''}'`;
        case 'commit-sha':
            return `the short commit SHA of GITHUB_SHA '${git.sha ?? ''}'`;
        case undefined:
            return 'no source';
    }
}
function digestOrigin(given) {
    return given.source === 'image' ? `from input '${names/* Input */.pd.image}'` : `from input '${names/* Input */.pd.digest}'`;
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ throwIfStopped),
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   oS: () => (/* binding */ joinSignals)
/* harmony export */ });
/* unused harmony exports HEARTBEAT_MS, stopReason */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2983);


const HEARTBEAT_MS = 60_000;
/**
 * The one poll loop. Polls at once, then every interval; never sleeps past the deadline,
 * so a timeout is reported when it happens, with the last state seen. Every wait ends on
 * the deps' cancel signal; work that must outlive a cancel passes `uncancellable(deps)`.
 */
async function waitFor(options, clock) {
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const heartbeat = options.heartbeatMs ?? HEARTBEAT_MS;
    let lastState;
    let lastSaid = started;
    const signal = clock.cancel;
    const cancelled = () => stopReason(signal) ??
        new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState ?? 'none yet'}`);
    for (;;) {
        if (isAborted(signal))
            throw cancelled();
        const poll = await options.check();
        if (poll.done)
            return poll.value;
        if (poll.state !== lastState) {
            options.onProgress(poll.state, 'changed');
            lastState = poll.state;
            lastSaid = clock.now();
        }
        else if (clock.now() - lastSaid >= heartbeat) {
            // Ten silent minutes read like a hung step: say what is awaited, and since when.
            options.onProgress(`still waiting for ${options.what} (${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} so far): ${poll.state}`, 'heartbeat');
            lastSaid = clock.now();
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(`Timed out after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState}`);
        }
        // The sleep wakes when the signal aborts (main.ts): one mechanism, checked here.
        await clock.sleep(Math.min(poll.nextMs ?? options.intervalMs, remaining), signal);
        if (isAborted(signal))
            throw cancelled();
    }
}
function isAborted(signal) {
    return signal?.aborted === true;
}
/** The UserError a signal was aborted with (why the step stops waiting), if it was aborted with one. */
function stopReason(signal) {
    const reason = signal?.aborted === true ? signal.reason : undefined;
    return reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo ? reason : undefined;
}
/** Before work a stop must prevent (the next alias change): throws why the step stopped, or that the job was cancelled. */
function throwIfStopped(signal, before) {
    if (signal?.aborted !== true)
        return;
    throw stopReason(signal) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled before ${before}.`);
}
/** The job's cancel signal joined with another stop signal: a wait ends on whichever aborts first. */
function joinSignals(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
}


/***/ })

};
