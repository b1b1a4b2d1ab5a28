<#ftl encoding="UTF-8">
A quick question for you, ${customer.preferredName}