<#ftl encoding="UTF-8">
<#if years?string == "1">One year<#else>${years} years</#if> together – thank you, ${customer.preferredName}