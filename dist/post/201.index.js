export const id = 201;
export const ids = [201];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClients: () => (/* binding */ createClients)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1696);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4736);




// Throttling and 5xx are retried by the SDK's standard mode; more attempts than its
// default 3 because matrix deploys of many environments share one account's rate limits.
const MAX_ATTEMPTS = 6;
// Clients are built lazily: a step that deploys one ECS service should not pay for
// constructing three clients it never calls.
function createClients(options) {
    const common = (region, maxAttempts = MAX_ATTEMPTS) => ({
        region,
        maxAttempts,
        customUserAgent: options.userAgent,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
    let ecs;
    let lambda;
    let ssm;
    let ecsOnce;
    let ssmOnce;
    const ecr = new Map();
    return {
        get ecs() {
            return (ecs ??= new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc(common(options.region)));
        },
        get lambda() {
            return (lambda ??= new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__/* .LambdaClient */ .Nox(common(options.region)));
        },
        get ssm() {
            return (ssm ??= new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .SSMClient */ .jBj(common(options.region)));
        },
        ecr(region) {
            let client = ecr.get(region);
            if (!client)
                ecr.set(region, (client = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .ECRClient */ .S70(common(region))));
            return client;
        },
        once: {
            get ecs() {
                return (ecsOnce ??= new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc(common(options.region, 1)));
            },
            get ssm() {
                return (ssmOnce ??= new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .SSMClient */ .jBj(common(options.region, 1)));
            },
        },
    };
}


/***/ })

};
