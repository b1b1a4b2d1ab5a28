<#ftl encoding="UTF-8">
<#if years?string == "1">Ein Jahr<#else>${years} Jahre</#if> Zusammenarbeit – danke, ${customer.preferredName}