<#ftl encoding="UTF-8">
Your call list for ${date}: <#if items?size == 0>nothing planned<#elseif items?size == 1>1 call<#else>${items?size?c} calls</#if>