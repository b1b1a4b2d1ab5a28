<#ftl encoding="UTF-8">
Ihre Anrufliste für ${date}: <#if items?size == 0>nichts geplant<#elseif items?size == 1>1 Anruf<#else>${items?size?c} Anrufe</#if>