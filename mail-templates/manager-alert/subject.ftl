<#ftl encoding="UTF-8">
<#if alert.kind == "LOW_RATING">${alert.company} rated a problem's handling ${alert.detail} of 5<#else>${alert.company}: not reached after ${alert.detail} tries</#if>
