/**
 * The one server-side web layer shared by every ChaosCast service: the error catalogue, problem
 * details, request limits and the security configuration.
 */
package io.chaoscast.web;
